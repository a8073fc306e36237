import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'
import { resolveParticles } from '#formatting/korean_particles'

/**
 * ICU messages; in Korean, the particle after a filled-in value is chosen by
 * how the value ends: "{field}을(를) 입력하세요" reads 이메일을 / 카드를.
 * Every message goes through here: pages, emails and validation errors.
 */
const icuWithParticles = configProvider.create(async (resolver) => {
  const icu = await formatters.icu().resolver(resolver)
  return (config: Parameters<typeof icu>[0]) => {
    const formatter = icu(config)
    return {
      name: formatter.name,
      format(message: string, locale: string, data?: Record<string, unknown>) {
        const text = formatter.format(message, locale, data)
        return locale.startsWith('ko') ? resolveParticles(text) : text
      },
    }
  }
})

/**
 * Korean by default, English as the second language. Messages live in
 * resources/lang/{ko,en}/*.json and use ICU message syntax.
 */
export default defineConfig({
  formatter: icuWithParticles,
  defaultLocale: env.get('DEFAULT_LOCALE', 'ko'),
  supportedLocales: ['ko', 'en'],
  loaders: [loaders.fs({ location: app.languageFilesPath() })],
})
