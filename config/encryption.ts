import env from '#start/env'
import { defineConfig, drivers } from '@adonisjs/core/encryption'

/**
 * Encrypts cookies and secrets at rest (seller bank account numbers).
 */
export default defineConfig({
  default: 'chacha',
  list: {
    chacha: drivers.chacha20({
      id: 'chacha',
      keys: [env.get('APP_KEY').release()],
    }),
  },
})
