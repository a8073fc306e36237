import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import type { Actor } from '#audit/actor'
import { OrderStatus, orderLifecycle } from '#lifecycles/order_lifecycle'
import type { OrderAction } from '#lifecycles/order_lifecycle'
import { SHIPPED_STATUSES, SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { transitionRow } from '#services/orders/row_transition'
import { sqlTimestamp } from '#services/sql_time'
import OrderFulfilled from '#events/order_fulfilled'
import OrderCompleted from '#events/order_completed'

/**
 * Moves the order once all its live seller orders reached `reached`
 * (canceled ones do not count). Conditional, so two sellers shipping at
 * the same moment fulfil the order once.
 */
export async function advanceOrder(
  trx: TransactionClientContract,
  orderId: number,
  action: Extract<OrderAction, 'fulfill' | 'complete'>,
  reached: readonly string[],
  actor: Actor
) {
  const open = await trx
    .from('seller_orders')
    .where('order_id', orderId)
    .whereNot('status', SellerOrderStatus.Canceled)
    .whereNotIn('status', [...reached])
    .count('* as total')
  if (Number(open[0].total) > 0) return
  const columns = action === 'complete' ? { completed_at: sqlTimestamp(trx) } : {}
  if (!(await transitionRow(trx, 'orders', orderId, orderLifecycle, action, columns))) return
  const order = await Order.findOrFail(orderId, { client: trx })
  const Event = action === 'fulfill' ? OrderFulfilled : OrderCompleted
  await Event.record(trx, order, actor, {
    before: { status: action === 'fulfill' ? OrderStatus.Paid : OrderStatus.Fulfilled },
    after: { status: order.status },
  })
}

/**
 * Catches the order up with its seller orders after one of them was called
 * off: fulfilled once every live one shipped, completed once every live one
 * is purchase-confirmed.
 */
export async function catchUpOrder(trx: TransactionClientContract, orderId: number, actor: Actor) {
  await advanceOrder(trx, orderId, 'fulfill', SHIPPED_STATUSES, actor)
  await advanceOrder(trx, orderId, 'complete', [SellerOrderStatus.PurchaseConfirmed], actor)
}
