import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { loginValidator } from '#validators/auth'
import { attemptLogin } from '#services/auth_service'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import { adoptGuestCart } from '#services/shop/shop_session'

/** Signing in and out of the storefront, seller center and admin. */
export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  async store({ request, auth, response, session, view, i18n }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    try {
      const user = await attemptLogin(email, password, request.ip())
      await auth.use('web').login(user)
      await adoptGuestCart(session, user)
      if (user.locale) response.cookie(LOCALE_COOKIE, user.locale, { maxAge: '1y', httpOnly: true })
      return response.redirect().toIntended(user.isOperator ? '/admin' : '/')
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        session.flashExcept(['password'])
        session.flash('error', i18n.t('messages.auth.invalid_credentials'))
        return response.redirect().back()
      }
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
        response.status(429)
        return view.render('pages/auth/login', {
          throttled: i18n.t('messages.auth.throttled', {
            minutes: Math.ceil(error.response.availableIn / 60),
          }),
        })
      }
      throw error
    }
  }

  /**
   * Signs out and ends the session itself: its data (cart, guest order keys)
   * is dropped and its id destroyed in the store, so a copy of the cookie
   * signs no one in afterwards.
   */
  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.clear()
    session.regenerate()
    return response.redirect('/')
  }
}
