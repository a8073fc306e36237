import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import { RequestValidator } from '@adonisjs/core/http'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Name of the cookie the language switcher sets. */
export const LOCALE_COOKIE = 'jangteo-locale'

/**
 * Picks the visitor's language: the language cookie (set by the switcher and
 * from the account's preference at login), then Accept-Language, then the
 * store default (`node ace store:setup`, else DEFAULT_LOCALE, else ko).
 * Validation messages and templates follow it.
 */
export default class DetectLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  async handle(ctx: HttpContext, next: NextFn) {
    useVisitorLocale(ctx)
    return next()
  }
}

/**
 * Sets the request's translator and shares it with its views. The exception
 * handler calls it too, for requests refused before this middleware ran
 * (an expired CSRF token), so their messages are in the visitor's language.
 */
export function useVisitorLocale(ctx: HttpContext) {
  const requested = [ctx.request.cookie(LOCALE_COOKIE), ...ctx.request.languages()]
  const locale =
    requested
      .filter((candidate): candidate is string => Boolean(candidate))
      // A browser that names no language (`*`, or no header) gets the store's.
      .map((candidate) =>
        candidate === '*' ? i18nManager.defaultLocale : i18nManager.getSupportedLocaleFor(candidate)
      )
      .find(Boolean) ?? i18nManager.defaultLocale

  ctx.i18n = i18nManager.locale(locale)
  ctx.containerResolver.bindValue(I18n, ctx.i18n)
  if ('view' in ctx) ctx.view.share({ i18n: ctx.i18n, locale })
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
