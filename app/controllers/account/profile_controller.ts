import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
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
    const user = auth.getUserOrFail()
    const addresses = await user
      .related('addresses')
      .query()
      .orderBy('is_default', 'desc')
      .orderBy('id')
    return view.render('pages/account/edit', {
      user,
      addresses,
      countries: countryOptions(i18n.locale, this.shipping.homeCountry),
    })
  }

  async update({ auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(profileValidator)
    const user = await this.accounts.updateProfile(auth.getUserOrFail(), input)
    if (user.locale) response.cookie(LOCALE_COOKIE, user.locale, { maxAge: '1y', httpOnly: true })
    session.flash('success', i18n.t('messages.account.saved'))
    return response.redirect().toRoute('account.edit')
  }

  async updatePassword({ auth, request, response, session, i18n }: HttpContext) {
    const { currentPassword, password } = await request.validateUsing(passwordValidator)
    await this.accounts.changePassword(auth.getUserOrFail(), currentPassword, password)
    session.flash('success', i18n.t('messages.account.password_changed'))
    return response.redirect().toRoute('account.edit')
  }
}
