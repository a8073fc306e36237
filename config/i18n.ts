import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

/**
 * Korean by default, English as the second language. Messages live in
 * resources/lang/{ko,en}/*.json and use ICU message syntax.
 */
export default defineConfig({
  formatter: formatters.icu(),
  defaultLocale: env.get('DEFAULT_LOCALE', 'ko'),
  supportedLocales: ['ko', 'en'],
  loaders: [loaders.fs({ location: app.languageFilesPath() })],
})
