import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import Payment from '#models/payment'
import SellerOrder from '#models/seller_order'
import type { Actor } from '#audit/actor'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderStatus, StockState, orderLifecycle } from '#lifecycles/order_lifecycle'
import { SHIPPED_STATUSES, sellerOrderLifecycle } from '#lifecycles/seller_order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { transitionRow } from '#services/orders/row_transition'
import { releaseStock } from '#services/orders/stock'
import { sqlTimestamp } from '#services/sql_time'
import { inject } from '@adonisjs/core'
import { PaymentService } from '#services/payments/payment_service'
import { RefundService } from '#services/payments/refund_service'
import { RefundRefusedException } from '#services/payments/refund_errors'
import PaymentRefund from '#models/payment_refund'
import { RefundStatus } from '#lifecycles/refund_status'
import OrderCanceled from '#events/order_canceled'
import OrderExpired from '#events/order_expired'
import OrderRefunded from '#events/order_refunded'
import SellerOrderCanceled from '#events/seller_order_canceled'
import { SYSTEM_REFUND_REASONS } from '#services/payments/refund_reasons'

/**
 * Calling orders off: an unpaid order is canceled (by its customer, an
 * admin, or expiry) and its reserved stock goes back exactly once; a paid
 * order nothing of which has shipped is refunded and its stock goes back.
 */
@inject()
export class OrderService {
  constructor(readonly payments: PaymentService) {}

  /** Cancels an unpaid order. Returns false when it was no longer unpaid (e.g. paid a moment ago). */
  async cancelUnpaid(
    order: Order,
    reason: string,
    actor: Actor,
    expired = false
  ): Promise<boolean> {
    const moved = await db.transaction(async (trx) => {
      const now = sqlTimestamp(trx)
      const canceled = await transitionRow(trx, 'orders', order.id, orderLifecycle, 'cancel', {
        canceled_at: now,
        cancel_reason: reason,
        expires_at: null,
      })
      if (!canceled) return false
      await releaseStock(trx, order.id, [StockState.Reserved])
      const fresh = await Order.findOrFail(order.id, { client: trx })
      const Event = expired ? OrderExpired : OrderCanceled
      await Event.record(trx, fresh, actor, {
        before: { status: OrderStatus.PendingPayment, stockState: StockState.Reserved },
        after: { status: fresh.status, stockState: fresh.stockState, cancelReason: reason },
      })
      await this.#cancelSellerOrders(trx, order.id, now, reason, actor)
      return true
    })
    if (!moved) return false

    await order.refresh()
    await this.payments.cancelOpen(order, reason, actor)
    await this.#refundStranded(order, actor)
    return true
  }

  /**
   * Calls off a paid order nothing of which has shipped: refunds what is
   * left of every captured payment through its adapter, then cancels the
   * seller orders and puts the stock back.
   */
  async refundPaid(order: Order, reason: string, actor: Actor): Promise<void> {
    await order.load('sellerOrders')
    if (order.sellerOrders.some((sellerOrder) => SHIPPED_STATUSES.includes(sellerOrder.status))) {
      throw new InvalidTransitionException(
        'Part of this order has shipped; it cannot be canceled as a whole'
      )
    }
    orderLifecycle.next(order.status, 'refund')

    // What is left of each payment: refunds already made or still pending are not repeated.
    const refunds = new RefundService(this.payments.manager)
    const captured = await Payment.query()
      .where('orderId', order.id)
      .whereIn('status', [PaymentStatus.Captured, PaymentStatus.PartiallyRefunded])
    for (const payment of captured) {
      // A refund an outage left unsent goes out first; if it still cannot, the order stays paid.
      const unsent = await PaymentRefund.query()
        .where({ paymentId: payment.id, status: RefundStatus.Pending })
        .whereNull('providerRefundReference')
      for (const refund of unsent) await refunds.retry(refund, actor)
      const refundable = await refunds.refundable(payment)
      if (refundable > 0) await refunds.refund(payment, { amount: refundable, reason }, actor)
    }

    const before = order.status
    await db.transaction(async (trx) => {
      const now = sqlTimestamp(trx)
      const refunded = await transitionRow(trx, 'orders', order.id, orderLifecycle, 'refund', {
        canceled_at: now,
        cancel_reason: reason,
      })
      if (!refunded) return
      await releaseStock(trx, order.id, [StockState.Sold, StockState.Reserved])
      const fresh = await Order.findOrFail(order.id, { client: trx })
      await OrderRefunded.record(trx, fresh, actor, {
        before: { status: before },
        after: { status: fresh.status, stockState: fresh.stockState, cancelReason: reason },
      })
      await this.#cancelSellerOrders(trx, order.id, now, reason, actor)
    })
    await order.refresh()
  }

  /** Cancels, by any route, whatever the order's state allows (the admin's cancel button). */
  async cancel(order: Order, reason: string, actor: Actor) {
    if (orderLifecycle.can(order.status, 'cancel')) {
      if (!(await this.cancelUnpaid(order, reason, actor))) {
        throw new InvalidTransitionException('The order changed meanwhile; reload and try again')
      }
      return
    }
    await this.refundPaid(order, reason, actor)
  }

  /**
   * Expires unpaid orders past their deadline (the scheduled job). Each one
   * is canceled with a conditional update, so a payment landing at the same
   * moment and a second job run cannot both win. Returns how many expired.
   */
  async expireDue(now: DateTime = DateTime.now(), batch = 200): Promise<number> {
    const due = await Order.query()
      .where('status', OrderStatus.PendingPayment)
      .where('expiresAt', '<=', sqlTimestamp(db.connection(), now))
      .orderBy('expiresAt')
      .limit(batch)
    let expired = 0
    for (const order of due) {
      if (await this.cancelUnpaid(order, 'expired', SYSTEM_ACTOR, true)) expired++
    }
    return expired
  }

  /**
   * Money captured for an order that was never marked paid (the process died
   * between the two) goes back when the order is called off. A settle racing
   * this one may refund it first; the refund service then refuses the second.
   */
  async #refundStranded(order: Order, actor: Actor) {
    const refunds = new RefundService(this.payments.manager)
    const stranded = await Payment.query()
      .where({ orderId: order.id, status: PaymentStatus.Captured })
      .where('refundedAmount', 0)
    for (const payment of stranded) {
      const refundable = await refunds.refundable(payment)
      if (refundable <= 0) continue
      const reason = SYSTEM_REFUND_REASONS.stranded
      try {
        await refunds.refund(payment, { amount: refundable, reason }, actor)
      } catch (error) {
        if (!(error instanceof RefundRefusedException)) throw error
      }
    }
  }

  /** Cancels the order's seller orders that can still be canceled, each recorded. */
  async #cancelSellerOrders(
    trx: TransactionClientContract,
    orderId: number,
    now: string,
    reason: string,
    actor: Actor
  ) {
    const cancelable = await SellerOrder.query({ client: trx })
      .where('orderId', orderId)
      .whereIn('status', [...sellerOrderLifecycle.sources('cancel')])
      .forUpdate()
    for (const sellerOrder of cancelable) {
      const before = sellerOrder.status
      const moved = await transitionRow(
        trx,
        'seller_orders',
        sellerOrder.id,
        sellerOrderLifecycle,
        'cancel',
        { canceled_at: now }
      )
      if (!moved) continue
      await sellerOrder.refresh()
      await SellerOrderCanceled.record(trx, sellerOrder, actor, {
        before: { status: before },
        after: { status: sellerOrder.status, reason },
      })
    }
  }
}
