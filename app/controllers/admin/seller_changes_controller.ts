import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SellerProfileService from '#services/seller_profile_service'
import { changeQueue, changeReview } from '#services/seller_change_pages'
import { rejectionValidator } from '#validators/seller'
import { identityChangeListValidator } from '#validators/admin'
import {
  IDENTITY_CHANGE_STATUSES,
  IdentityChangeStatus,
} from '#lifecycles/identity_change_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { actorFor } from '#audit/actor'

/**
 * Reviewing sellers' requests to change their verified details. A request
 * decided or withdrawn meanwhile is refused with a message on its page.
 */
@inject()
export default class SellerChangesController {
  constructor(protected profiles: SellerProfileService) {}

  async index({ request, view }: HttpContext) {
    const filters = await request.validateUsing(identityChangeListValidator, {
      data: request.filledQs(),
    })
    const status = filters.status ?? IdentityChangeStatus.Pending
    const { requests, changed } = await changeQueue(status, filters.page ?? 1)
    requests.baseUrl(request.url())
    requests.queryString({ status })
    return view.render('pages/admin/seller_changes/index', {
      requests,
      changed,
      status,
      pendingTab: status === IdentityChangeStatus.Pending,
      statuses: IDENTITY_CHANGE_STATUSES,
    })
  }

  async show({ params, view }: HttpContext) {
    return view.render('pages/admin/seller_changes/show', await changeReview(params.id))
  }

  async approve(ctx: HttpContext) {
    const { request } = await changeReview(ctx.params.id)
    return this.#decide(ctx, request.id, 'approved', request.name, () =>
      this.profiles.approve(request, actorFor(ctx.auth.getUserOrFail()))
    )
  }

  async reject(ctx: HttpContext) {
    const { request } = await changeReview(ctx.params.id)
    const { reason } = await ctx.request.validateUsing(rejectionValidator)
    return this.#decide(ctx, request.id, 'rejected', request.seller.name, () =>
      this.profiles.reject(request, reason, actorFor(ctx.auth.getUserOrFail()))
    )
  }

  async #decide(
    { response, session, i18n }: HttpContext,
    id: number,
    outcome: 'approved' | 'rejected',
    name: string,
    decide: () => Promise<void>
  ) {
    try {
      await decide()
    } catch (error) {
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('seller_identity.admin.already_decided'))
      return response.redirect().toRoute('admin.seller_changes.show', { id })
    }
    session.flash('success', i18n.t(`seller_identity.admin.${outcome}`, { name }))
    return response.redirect().toRoute('admin.seller_changes.index')
  }
}
