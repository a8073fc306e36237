import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SellerService from '#services/seller_service'
import { sellerApplicationValidator } from '#validators/seller'
import { actorFor } from '#audit/actor'

/** The seller's store details and payout account. */
@inject()
export default class SettingsController {
  constructor(protected sellers: SellerService) {}

  async edit({ seller, view }: HttpContext) {
    return view.render('pages/seller/settings', {
      accountNumber: this.sellers.revealAccountNumber(seller),
    })
  }

  async update({ seller, auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(sellerApplicationValidator)
    await this.sellers.updateProfile(
      seller,
      input,
      actorFor(auth.getUserOrFail(), { asSeller: true })
    )
    session.flash('success', i18n.t('messages.seller.settings_saved'))
    return response.redirect().toRoute('seller.settings.edit')
  }
}
