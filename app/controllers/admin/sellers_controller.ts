import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Seller from '#models/seller'
import SellerIdentityChange from '#models/seller_identity_change'
import SellerService from '#services/seller_service'
import { rejectionValidator } from '#validators/seller'
import { sellerListValidator } from '#validators/admin'
import { SELLER_STATUSES, SellerStatus, sellerLifecycle } from '#lifecycles/seller_lifecycle'
import { IdentityChangeStatus } from '#lifecycles/identity_change_lifecycle'
import { actorFor } from '#audit/actor'
import { listFilters } from '#validators/list_filters'

/** Reviewing seller applications (입점 심사); changes to approved sellers have their own queue. */
@inject()
export default class SellersController {
  constructor(protected sellers: SellerService) {}

  async index(ctx: HttpContext) {
    const { request, view } = ctx
    const filters = await listFilters(sellerListValidator, ctx)
    const status = filters.status ?? SellerStatus.Pending
    const sellers = await Seller.query()
      .where('status', status)
      .preload('members', (query) => query.preload('user'))
      .orderBy('created_at', 'asc')
      .paginate(filters.page ?? 1, 25)
    sellers.baseUrl(request.url())
    sellers.queryString({ status })
    const waiting = await SellerIdentityChange.query()
      .where('status', IdentityChangeStatus.Pending)
      .count('* as total')
    return view.render('pages/admin/sellers/index', {
      sellers,
      status,
      statuses: SELLER_STATUSES,
      changesWaiting: Number(waiting[0].$extras.total),
    })
  }

  async show({ params, view }: HttpContext) {
    const seller = await Seller.query()
      .where('id', params.id)
      .preload('members', (query) => query.preload('user'))
      .firstOrFail()
    const changes = await SellerIdentityChange.query()
      .where('seller_id', seller.id)
      .orderBy('id', 'desc')
      .limit(10)
    return view.render('pages/admin/sellers/show', {
      seller,
      changes,
      pendingChange: changes.find((change) => change.isPending) ?? null,
      actions: sellerLifecycle.actionsFrom(seller.status),
    })
  }

  async approve({ params, auth, response, session, i18n }: HttpContext) {
    const seller = await Seller.findOrFail(params.id)
    await this.sellers.approve(seller, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.seller_approved', { name: seller.name }))
    return response.redirect().toRoute('admin.sellers.index')
  }

  async reject({ params, auth, request, response, session, i18n }: HttpContext) {
    const seller = await Seller.findOrFail(params.id)
    const { reason } = await request.validateUsing(rejectionValidator)
    await this.sellers.reject(seller, reason, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.seller_rejected', { name: seller.name }))
    return response.redirect().toRoute('admin.sellers.index')
  }
}
