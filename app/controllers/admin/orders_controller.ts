import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import { OrderService } from '#services/orders/order_service'
import { PaymentService } from '#services/payments/payment_service'
import { ShippingRegistry } from '#shipping/shipping_registry'
import { cancelOrderValidator, orderListValidator } from '#validators/admin_orders'
import {
  cancelBlocker,
  orderForBackOffice,
  searchOrders,
} from '#services/orders/back_office_orders'
import { ORDER_STATUSES, orderLifecycle } from '#lifecycles/order_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { actorFor } from '#audit/actor'
import { paymentTimeline } from '#services/payments/payment_timeline'
import { listedRefund } from '#services/orders/order_refunds'
import { describeRefundError } from '#services/payments/refund_errors'
import { listFilters } from '#validators/list_filters'

/**
 * Orders in the back office: the list with filters, one order with
 * everything that happened to it (and the timeline of its payments), and
 * calling an order off (canceled while unpaid, refunded when paid and
 * nothing shipped).
 */
@inject()
export default class OrdersController {
  constructor(
    protected orders: OrderService,
    protected payments: PaymentService,
    protected shipping: ShippingRegistry
  ) {}

  async index(ctx: HttpContext) {
    const { request, view } = ctx
    const filters = await listFilters(orderListValidator, ctx)
    const orders = await searchOrders(filters)
    orders.baseUrl(request.url())
    orders.queryString({ ...request.filledQs(), page: undefined })
    return view.render('pages/admin/orders/index', {
      orders,
      filters: request.filledQs(),
      statuses: ORDER_STATUSES,
      methods: this.payments.manager.enabled(),
      refundOf: listedRefund,
    })
  }

  async show({ params, bouncer, view }: HttpContext) {
    const page = await orderForBackOffice(params.id, {
      payments: this.payments.manager,
      shipping: this.shipping,
    })
    const timeline = await paymentTimeline(page.order, page.trail, this.payments.manager)
    const canMoveMoney = await bouncer.allows('moveMoney')
    return view.render('pages/admin/orders/show', { ...page, timeline, canMoveMoney })
  }

  /**
   * Calls the order off with the operator's reason; a refusal changes nothing
   * and says why. A paid order is refunded, which only those who may move
   * money can do; the decision and the cancel read the same order, so one
   * paid meanwhile is refused as changed, never refunded.
   */
  async cancel({ params, auth, bouncer, request, response, session, i18n }: HttpContext) {
    const order = await Order.query().where('id', params.id).preload('sellerOrders').firstOrFail()
    const refunding = !orderLifecycle.can(order.status, 'cancel')
    if (refunding) await bouncer.authorize('moveMoney')
    const { reason } = await request.validateUsing(cancelOrderValidator)
    const back = () => response.redirect().toRoute('admin.orders.show', { id: order.id })

    const blocker = cancelBlocker(order)
    if (blocker) {
      session.flash('error', i18n.t(`back_office.orders.cancel_blocked.${blocker}`))
      return back()
    }
    try {
      await this.orders.cancel(order, reason, actorFor(auth.getUserOrFail()))
    } catch (error) {
      // A refund the provider refused or could not take: the order stays paid, and says why.
      const refundError = describeRefundError(error, i18n, order.currency)
      if (refundError) {
        session.flash('error', refundError)
        return back()
      }
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('back_office.orders.changed'))
      return back()
    }
    const done = refunding ? 'refunded' : 'canceled'
    session.flash('success', i18n.t(`back_office.orders.${done}`, { number: order.number }))
    return back()
  }
}
