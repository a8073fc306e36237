import type { HttpContext } from '@adonisjs/core/http'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import { localeValidator } from '#validators/locale'

/** The ko/en language switcher. */
export default class LocaleController {
  async update({ request, response }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    return response.redirect().withQs().back()
  }
}
