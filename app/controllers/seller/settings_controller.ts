import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SellerProfileService from '#services/seller_profile_service'
import { settingsPage } from '#services/seller_change_pages'
import { sellerApplicationValidator } from '#validators/seller'
import { actorFor } from '#audit/actor'

/**
 * The seller's store settings: contact details save at once, the verified
 * details (business registration, payout account) go to an operator.
 */
@inject()
export default class SettingsController {
  constructor(protected profiles: SellerProfileService) {}

  async edit({ seller, view }: HttpContext) {
    return view.render('pages/seller/settings', await settingsPage(seller))
  }

  async update({ seller, auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(sellerApplicationValidator)
    const outcome = await this.profiles.update(
      seller,
      input,
      actorFor(auth.getUserOrFail(), { asSeller: true })
    )
    session.flash('success', i18n.t(`seller_identity.saved.${outcome}`))
    return response.redirect().toRoute('seller.settings.edit')
  }

  async withdraw({ seller, auth, response, session, i18n }: HttpContext) {
    const withdrawn = await this.profiles.withdraw(
      seller,
      actorFor(auth.getUserOrFail(), { asSeller: true })
    )
    session.flash(
      withdrawn ? 'success' : 'error',
      i18n.t(withdrawn ? 'seller_identity.saved.withdrawn' : 'seller_identity.pending.none')
    )
    return response.redirect().toRoute('seller.settings.edit')
  }
}
