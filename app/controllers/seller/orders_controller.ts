import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import config from '@adonisjs/core/services/config'
import type { DateTime } from 'luxon'
import SellerOrder from '#models/seller_order'
import SellerOrderPolicy from '#policies/seller_order_policy'
import { actorFor } from '#audit/actor'
import type { Actor } from '#audit/actor'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { PaymentManager } from '#payments/payment_manager'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { SellerOrderStatus, sellerOrderLifecycle } from '#lifecycles/seller_order_lifecycle'
import { trackingUrl } from '#transformers/order_transformer'
import { sellerOrderListValidator, shipmentValidator } from '#validators/seller_orders'
import { listFilters } from '#validators/list_filters'
import { sellerOrderRefunds } from '#services/orders/order_refunds'

/** The order list's tabs, in the order a seller works through them. */
const TABS = [
  SellerOrderStatus.ToShip,
  SellerOrderStatus.Shipped,
  SellerOrderStatus.Delivered,
  SellerOrderStatus.PurchaseConfirmed,
  SellerOrderStatus.AwaitingPayment,
  SellerOrderStatus.Canceled,
]

const PER_PAGE = 20

/**
 * The seller's parts of customers' orders: list by status, details, shipping
 * and delivery, and the refunds on them, so nothing refunded is shipped.
 */
@inject()
export default class OrdersController {
  constructor(
    protected fulfillment: FulfillmentService,
    protected payments: PaymentManager
  ) {}

  async index(ctx: HttpContext) {
    const { seller, request, view } = ctx
    const filters = await listFilters(sellerOrderListValidator, ctx)
    const status = filters.status ?? SellerOrderStatus.ToShip
    const grouped = await SellerOrder.query()
      .where('seller_id', seller.id)
      .groupBy('status')
      .select('status')
      .count('* as count')
    const counts = Object.fromEntries(TABS.map((tab) => [tab, 0]))
    for (const row of grouped) counts[row.status] = Number(row.$extras.count)

    const orders = await SellerOrder.query()
      .where('seller_id', seller.id)
      .where('status', status)
      .preload('order')
      .preload('items')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, PER_PAGE)
    orders.baseUrl(request.url())
    orders.queryString({ status })
    const refunds = await sellerOrderRefunds(orders.all())
    return view.render('pages/seller/orders/index', {
      orders,
      counts,
      tabs: TABS,
      status,
      refunds,
    })
  }

  async show({ params, bouncer, view, i18n }: HttpContext) {
    const sellerOrder = await this.#find(params.id, bouncer)
    await sellerOrder.load((loader) =>
      loader
        .load('items')
        .load('seller')
        .load('order', (order) => order.preload('payments'))
    )
    const payment = sellerOrder.order.payments.at(-1) ?? null
    const sides = await sellerOrderRefunds([sellerOrder])
    const refunds = sides.get(sellerOrder.id)!
    return view.render('pages/seller/orders/show', {
      refunds,
      refundNotice: refunds.lines.length ? refundNoticeOf(sellerOrder) : null,
      sellerOrder,
      order: sellerOrder.order,
      payment,
      paymentMethod: payment && this.payments.label(payment.adapter, i18n.locale),
      carriers: config.get('store.orders.carriers'),
      trackingUrl: trackingUrl(sellerOrder),
      timeline: timelineOf(sellerOrder),
      canShip: sellerOrderLifecycle.can(sellerOrder.status, 'ship'),
      canDeliver: sellerOrderLifecycle.can(sellerOrder.status, 'deliver'),
      awaitingPayment: sellerOrderLifecycle.can(sellerOrder.status, 'pay'),
    })
  }

  async ship(ctx: HttpContext) {
    const sellerOrder = await this.#find(ctx.params.id, ctx.bouncer)
    const shipment = await ctx.request.validateUsing(shipmentValidator)
    return this.#act(ctx, sellerOrder, 'shipped', (actor) =>
      this.fulfillment.ship(sellerOrder, shipment, actor)
    )
  }

  async deliver(ctx: HttpContext) {
    const sellerOrder = await this.#find(ctx.params.id, ctx.bouncer)
    return this.#act(ctx, sellerOrder, 'delivered', (actor) =>
      this.fulfillment.deliver(sellerOrder, actor)
    )
  }

  /** Runs a move; one the order's state does not allow is a flash error, and nothing is written. */
  async #act(
    { auth, response, session, i18n }: HttpContext,
    sellerOrder: SellerOrder,
    done: 'shipped' | 'delivered',
    move: (actor: Actor) => Promise<void>
  ) {
    try {
      await move(actorFor(auth.getUserOrFail(), { asSeller: true }))
      session.flash('success', i18n.t(`seller_center.orders.${done}`))
    } catch (error) {
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('seller_center.orders.wrong_state'))
    }
    return response.redirect().toRoute('seller.orders.show', { id: sellerOrder.id })
  }

  /** Loads one of this seller's orders; any other id is a 404. */
  async #find(id: string, bouncer: HttpContext['bouncer']) {
    const sellerOrder = await SellerOrder.findOrFail(id)
    await bouncer.with(SellerOrderPolicy).authorize('manage', sellerOrder)
    return sellerOrder
  }
}

/**
 * What a seller with refunds on an order is told first: do not ship it
 * (refunded in full and called off), ship only what was not refunded, or
 * that a parcel already sent was refunded.
 */
function refundNoticeOf(sellerOrder: SellerOrder) {
  if (sellerOrder.status === SellerOrderStatus.Canceled) return 'canceled'
  if (sellerOrderLifecycle.can(sellerOrder.status, 'ship')) return 'to_ship'
  return 'after_shipping'
}

/** What happened to a seller order so far, oldest first (from its timestamps). */
function timelineOf(sellerOrder: SellerOrder) {
  const steps: [string, DateTime | null][] = [
    ['placed', sellerOrder.order.createdAt],
    ['paid', sellerOrder.order.paidAt],
    ['shipped', sellerOrder.shippedAt],
    ['delivered', sellerOrder.deliveredAt],
    ['confirmed', sellerOrder.confirmedAt],
    ['canceled', sellerOrder.canceledAt],
  ]
  return steps
    .filter((step): step is [string, DateTime] => step[1] !== null)
    .sort((a, b) => a[1].toMillis() - b[1].toMillis())
    .map(([step, at]) => ({ step, at }))
}
