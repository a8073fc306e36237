import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { loginValidator } from '#validators/auth'
import { attemptLogin } from '#services/auth_service'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import { adoptGuestCart, forgetCart } from '#services/shop/shop_session'

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

  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    forgetCart(session)
    return response.redirect('/')
  }
}
