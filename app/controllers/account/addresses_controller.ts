import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Address from '#models/address'
import AddressPolicy from '#policies/address_policy'
import AccountService from '#services/account_service'
import { addressValidator } from '#validators/account'

/** Saved shipping addresses on the account page. */
@inject()
export default class AddressesController {
  constructor(protected accounts: AccountService) {}

  async store({ auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(addressValidator)
    await this.accounts.saveAddress(auth.getUserOrFail(), input)
    session.flash('success', i18n.t('messages.account.address_saved'))
    return response.redirect().toRoute('account.edit')
  }

  async update({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const address = await Address.findOrFail(params.id)
    await bouncer.with(AddressPolicy).authorize('manage', address)
    const input = await request.validateUsing(addressValidator)
    await this.accounts.saveAddress(auth.getUserOrFail(), input, address)
    session.flash('success', i18n.t('messages.account.address_saved'))
    return response.redirect().toRoute('account.edit')
  }

  async destroy({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    const address = await Address.findOrFail(params.id)
    await bouncer.with(AddressPolicy).authorize('manage', address)
    await this.accounts.removeAddress(auth.getUserOrFail(), address)
    session.flash('success', i18n.t('messages.account.address_removed'))
    return response.redirect().toRoute('account.edit')
  }
}
