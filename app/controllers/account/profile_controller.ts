import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as limiterErrors } from '@adonisjs/limiter'
import type User from '#models/user'
import AccountService from '#services/account_service'
import { passwordValidator, profileValidator } from '#validators/account'
import { LOCALE_COOKIE } from '#middleware/detect_locale_middleware'
import { countryOptions } from '#services/shop/country_options'
import { ShippingRegistry } from '#shipping/shipping_registry'

/** The customer's account page: profile, password and addresses. */
@inject()
export default class ProfileController {
  constructor(
    protected accounts: AccountService,
    protected shipping: ShippingRegistry
  ) {}

  async edit({ auth, view, i18n }: HttpContext) {
    return view.render('pages/account/edit', await this.#page(auth.getUserOrFail(), i18n.locale))
  }

  async update({ auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(profileValidator)
    const user = await this.accounts.updateProfile(auth.getUserOrFail(), input)
    if (user.locale) response.cookie(LOCALE_COOKIE, user.locale, { maxAge: '1y', httpOnly: true })
    session.flash('success', i18n.t('messages.account.saved'))
    return response.redirect().toRoute('account.edit')
  }

  /**
   * Changes the password, which signs out every other session and revokes
   * API tokens; this session is signed in again under a new id. Too many
   * wrong current passwords answer 429 with the form's message.
   */
  async updatePassword({ auth, request, response, session, i18n, view }: HttpContext) {
    const { currentPassword, password } = await request.validateUsing(passwordValidator)
    const user = auth.getUserOrFail()
    try {
      await this.accounts.changePassword(user, currentPassword, password, request.ip())
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      response.status(429)
      return view.render('pages/account/edit', {
        ...(await this.#page(user, i18n.locale)),
        passwordThrottled: i18n.t('messages.account.password_throttled', {
          minutes: Math.ceil(error.response.availableIn / 60),
        }),
      })
    }
    await auth.use('web').login(user)
    session.flash('success', i18n.t('messages.account.password_changed'))
    return response.redirect().toRoute('account.edit')
  }

  async #page(user: User, locale: string) {
    const addresses = await user
      .related('addresses')
      .query()
      .orderBy('is_default', 'desc')
      .orderBy('id')
    return { user, addresses, countries: countryOptions(locale, this.shipping.homeCountry) }
  }
}
