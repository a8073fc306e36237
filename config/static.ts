import { defineConfig } from '@adonisjs/static'

/**
 * Serves files from public/ (stylesheet, the little JavaScript we ship).
 */
export default defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  immutable: false,
  maxAge: '1h',
})
