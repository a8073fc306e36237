import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { OrderService } from '#services/orders/order_service'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { PaymentService } from '#services/payments/payment_service'
import { failValidation } from '#services/validation'
import { payAgainValidator } from '#validators/cart_web'
import {
  flashOutcome,
  presentOrder,
  redirectOf,
  shopperActor,
  viewerOrder,
} from '#services/shop/order_pages'

/** Why an order was canceled when its customer did it. */
const CANCELED_BY_CUSTOMER = 'customer_canceled'

/**
 * The order page for its owner (account or access key): status, parcels and
 * their tracking, payment and bank-transfer instructions, and the customer's
 * buttons: cancel while unpaid, 구매확정 per parcel, pay again after a
 * failed attempt. Someone else's order is a 404.
 */
@inject()
export default class OrdersController {
  constructor(
    protected orders: OrderService,
    protected fulfillment: FulfillmentService,
    protected payments: PaymentService
  ) {}

  async show(ctx: HttpContext) {
    const order = await viewerOrder(ctx, ctx.params.number)
    return ctx.view.render('pages/storefront/order', {
      page: presentOrder(order, ctx.i18n.locale),
      methods: this.payments.manager.enabled(),
    })
  }

  async cancel(ctx: HttpContext) {
    const { auth, params, response, session, i18n } = ctx
    const order = await viewerOrder(ctx, params.number)
    const canceled = await this.orders.cancelUnpaid(
      order,
      CANCELED_BY_CUSTOMER,
      shopperActor(auth.user)
    )
    if (canceled) session.flash('success', i18n.t('shop.order.canceled'))
    else session.flash('error', i18n.t('shop.order.cannot_cancel'))
    return response.redirect().toRoute('orders.show', { number: order.number })
  }

  /** 구매확정 of one seller's parcel. */
  async confirm(ctx: HttpContext) {
    const { auth, params, response, session, i18n } = ctx
    const order = await viewerOrder(ctx, params.number)
    const sellerOrder = order.sellerOrders.find((item) => item.id === Number(params.sellerOrderId))
    if (!sellerOrder) {
      throw new Exception('Seller order not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    }
    try {
      await this.fulfillment.confirmPurchase(sellerOrder, shopperActor(auth.user))
      session.flash('success', i18n.t('shop.order.confirmed', { seller: sellerOrder.seller.name }))
    } catch (error) {
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('shop.order.cannot_confirm'))
    }
    return response.redirect().toRoute('orders.show', { number: order.number })
  }

  /** Pay again after the last attempt failed: a new attempt, then its next step. */
  async pay(ctx: HttpContext) {
    const { auth, params, request, response, session, i18n } = ctx
    const order = await viewerOrder(ctx, params.number)
    const { paymentMethod } = await request.validateUsing(payAgainValidator)
    if (!this.payments.manager.has(paymentMethod)) {
      failValidation('paymentMethod', 'Choose one of the offered payment methods', 'paymentMethod')
    }
    let payment
    try {
      payment = await this.payments.retryPayment(order, paymentMethod, shopperActor(auth.user))
    } catch (error) {
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('shop.order.cannot_pay'))
      return response.redirect().toRoute('orders.show', { number: order.number })
    }
    const redirect = redirectOf(payment)
    if (redirect) return response.redirect(redirect)
    flashOutcome(ctx, payment)
    return response.redirect().toRoute('orders.show', { number: order.number })
  }
}
