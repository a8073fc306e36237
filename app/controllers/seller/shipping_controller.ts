import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import config from '@adonisjs/core/services/config'
import { actorFor } from '#audit/actor'
import { buildParcel } from '#shipping/parcel'
import {
  SHIPPING_SCOPES,
  ShippingPolicyConflictException,
  ShippingPolicyService,
} from '#services/shipping/shipping_policy_service'
import { ShippingQuoter } from '#services/shipping/shipping_quoter'
import {
  NOT_OFFERED,
  PolicyForm,
  WEIGHT_BAND_COLUMNS,
  labelledMessages,
  policyMessages,
  policySection,
} from '#services/shipping/policy_form'
import { failValidation } from '#services/validation'
import {
  shippingPageValidator,
  shippingPolicyChangeValidator,
  shippingQuoteValidator,
} from '#validators/shipping_policy'
import { listFilters } from '#validators/list_filters'

/**
 * The seller's shipping settings: domestic fee, remote-area surcharge and
 * shipping abroad, each a versioned policy, plus a simulator that quotes a
 * sample cart with the saved settings.
 */
@inject()
export default class ShippingController {
  readonly currency = config.get<string>('store.currency')

  constructor(
    protected policies: ShippingPolicyService,
    protected quoter: ShippingQuoter
  ) {}

  async show(ctx: HttpContext) {
    return this.#render(ctx)
  }

  async update({ seller, auth, params, request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(shippingPolicyChangeValidator, {
      meta: { scope: params.scope },
    })
    const policy = input.code ? this.policies.allowed(input.scope, input.code) : null
    const form = policy ? new PolicyForm(policy, request.input('options'), this.currency) : null
    const save = () =>
      this.policies.change(
        seller,
        input.scope,
        input.code,
        form?.options ?? {},
        actorFor(auth.getUserOrFail(), { asSeller: true }),
        {
          expectedVersion: input.version,
          messagesProvider: policy ? policyMessages(policy, i18n) : undefined,
        }
      )
    let saved: Awaited<ReturnType<typeof save>>
    try {
      saved = form ? await form.reportingErrors(save, i18n) : await save()
    } catch (error) {
      // Saved from a stale page, or twice at once: show the settings in force.
      if (!(error instanceof ShippingPolicyConflictException)) throw error
      session.flash('error', i18n.t('seller_center.shipping.conflict'))
      return response.redirect().toRoute('seller.shipping.show')
    }
    session.flash(
      'success',
      saved
        ? i18n.t('seller_center.shipping.saved', { version: saved.version })
        : i18n.t('seller_center.shipping.unchanged')
    )
    return response.redirect().toRoute('seller.shipping.show')
  }

  async quote(ctx: HttpContext) {
    const { i18n } = ctx
    const label = (key: string) =>
      i18n.t(`seller_center.shipping.quote.${key}`, { currency: this.currency })
    const input = await ctx.request.validateUsing(shippingQuoteValidator, {
      messagesProvider: labelledMessages(
        i18n,
        new Map([
          ['items', label('lines')],
          ['quantity', label('quantity')],
          ['unitPrice', label('unit_price')],
          ['weightGrams', label('weight')],
        ])
      ),
    })
    const items = input.items.flatMap((item) =>
      item.quantity !== undefined && item.unitPrice !== undefined
        ? [
            {
              variantId: 0,
              quantity: item.quantity,
              unitPrice: item.unitPrice,
              weightGrams: item.weightGrams ?? 0,
            },
          ]
        : []
    )
    if (!items.length) {
      failValidation('items', 'Add at least one line', 'array.minLength', {
        min: 1,
        field: label('lines'),
      })
    }

    const parcel = buildParcel({ sellerId: ctx.seller.id, currency: this.currency, items })
    const policies = await this.quoter.policiesFor([ctx.seller.id])
    const destination = { country: input.country, postalCode: input.postalCode ?? '' }
    const { result } = this.quoter.quote(policies.get(ctx.seller.id)!, parcel, destination)
    return this.#render(ctx, { quote: { result, parcel, input: ctx.request.all() } })
  }

  async #render(ctx: HttpContext, extra: object = {}) {
    const { seller, session, view } = ctx
    const picks = await listFilters(shippingPageValidator, ctx)
    const [current, history] = await Promise.all([
      this.policies.current(seller),
      this.policies.history(seller),
    ])
    const postedScope = session.flashMessages.get('scope')
    const sections = SHIPPING_SCOPES.map((scope) =>
      policySection(this.policies, {
        scope,
        current: current[scope],
        currency: this.currency,
        pick: picks[scope],
        posted:
          postedScope === scope
            ? {
                code: session.flashMessages.get('code') ?? null,
                options: session.flashMessages.get('options'),
              }
            : undefined,
      })
    )
    return view.render('pages/seller/shipping/show', {
      sections,
      history,
      notOffered: NOT_OFFERED,
      bandColumns: WEIGHT_BAND_COLUMNS,
      ...extra,
    })
  }
}
