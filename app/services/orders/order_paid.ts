import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import OrderPaid from '#events/order_paid'
import SellerOrderPaid from '#events/seller_order_paid'
import type { Actor } from '#audit/actor'
import { OrderStatus, orderLifecycle } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus, sellerOrderLifecycle } from '#lifecycles/seller_order_lifecycle'
import { transitionRow } from '#services/orders/row_transition'
import { sellReservedStock } from '#services/orders/stock'
import { sqlTimestamp } from '#services/sql_time'

/**
 * pending_payment → paid, exactly once: the reservation becomes a sale and
 * every seller order moves to to_ship. Returns false (changing nothing) when
 * the order was no longer waiting for payment, e.g. it expired a moment
 * before the money arrived; the caller then gives the money back.
 */
export async function markOrderPaid(orderId: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (trx) => {
    const now = sqlTimestamp(trx)
    const paid = await transitionRow(trx, 'orders', orderId, orderLifecycle, 'pay', {
      paid_at: now,
      expires_at: null,
    })
    if (!paid) return false
    await sellReservedStock(trx, orderId)
    await trx
      .from('seller_orders')
      .where('order_id', orderId)
      .whereIn('status', [...sellerOrderLifecycle.sources('pay')])
      .update({ status: SellerOrderStatus.ToShip, updated_at: now })

    const order = await Order.query({ client: trx })
      .where('id', orderId)
      .preload('sellerOrders')
      .firstOrFail()
    await OrderPaid.record(trx, order, actor, {
      before: { status: OrderStatus.PendingPayment },
      after: { status: order.status, paidAt: order.paidAt },
    })
    for (const sellerOrder of order.sellerOrders) {
      await SellerOrderPaid.record(trx, sellerOrder, actor, {
        before: { status: SellerOrderStatus.AwaitingPayment },
        after: { status: sellerOrder.status },
      })
    }
    return true
  })
}
