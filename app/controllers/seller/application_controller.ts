import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SellerService from '#services/seller_service'
import type User from '#models/user'
import { sellerApplicationValidator } from '#validators/seller'
import { actorFor } from '#audit/actor'

/**
 * Applying to sell (입점 신청): the form, then where the application stands
 * (pending, or rejected with the reason and a way to apply again).
 */
@inject()
export default class ApplicationController {
  constructor(protected sellers: SellerService) {}

  async show({ auth, view, response }: HttpContext) {
    const user: User = auth.getUserOrFail()
    await user.load('membership', (query) => query.preload('seller'))
    const seller = user.membership?.seller ?? null
    if (seller?.isApproved) return response.redirect().toRoute('seller.dashboard')
    return view.render('pages/seller/application', { seller })
  }

  async store({ auth, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(sellerApplicationValidator)
    const user = auth.getUserOrFail()
    await this.sellers.apply(user, input, actorFor(user, { asSeller: true }))
    session.flash('success', i18n.t('messages.seller.applied'))
    return response.redirect().toRoute('seller.application.show')
  }
}
