import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import type PaymentRefund from '#models/payment_refund'
import SellerOrder from '#models/seller_order'
import type { Actor } from '#audit/actor'
import { StockState, orderLifecycle } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus, sellerOrderLifecycle } from '#lifecycles/seller_order_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { transitionRow } from '#services/orders/row_transition'
import { releaseSellerOrderStock, releaseStock } from '#services/orders/stock'
import { catchUpOrder } from '#services/orders/order_progress'
import { refundedQuantities } from '#services/payments/refund_rules'
import { sqlTimestamp } from '#services/sql_time'
import SellerOrderCanceled from '#events/seller_order_canceled'
import OrderRefunded from '#events/order_refunded'

/** Why a seller order was called off by a refund, as its audit row says. */
export const REFUNDED_BEFORE_SHIPPING = 'refunded_before_shipping'

/**
 * What a refund that went through does to the parcels, in its transaction:
 * a paid seller order with nothing left to ship (its share refunded in
 * full, every item refunded, or all the order's money given back) is
 * canceled and its stock goes back, so no seller ships refunded goods. The
 * order follows: refunded when no parcel is left, otherwise fulfilled or
 * completed when every remaining parcel has shipped or been confirmed.
 */
export async function settleRefund(
  trx: TransactionClientContract,
  orderId: number,
  refund: PaymentRefund,
  actor: Actor
) {
  // The order row first, as shipping does: a seller shipping now waits for us, or we see the parcel shipped.
  const order = await Order.query({ client: trx }).where('id', orderId).forUpdate().firstOrFail()
  const toShip = await SellerOrder.query({ client: trx })
    .where('orderId', orderId)
    .whereIn('status', [...sellerOrderLifecycle.sources('refund')])
    .preload('items')
  const done = await nothingLeftToShip(trx, orderId, toShip)
  const now = sqlTimestamp(trx)
  let canceled = 0
  for (const sellerOrder of done) {
    const before = sellerOrder.status
    const moved = await transitionRow(
      trx,
      'seller_orders',
      sellerOrder.id,
      sellerOrderLifecycle,
      'refund',
      { canceled_at: now }
    )
    if (!moved) continue
    canceled++
    if (order.stockState !== StockState.Released) {
      await releaseSellerOrderStock(trx, sellerOrder.id)
    }
    await sellerOrder.refresh()
    await SellerOrderCanceled.record(trx, sellerOrder, actor, {
      before: { status: before },
      after: { status: sellerOrder.status, reason: REFUNDED_BEFORE_SHIPPING, refundId: refund.id },
    })
  }
  if (canceled) await followParcels(trx, order, refund, actor)
}

/** The seller orders among `toShip` that a refund has left nothing to send. */
async function nothingLeftToShip(
  trx: TransactionClientContract,
  orderId: number,
  toShip: SellerOrder[]
): Promise<SellerOrder[]> {
  if (!toShip.length) return []
  const [money] = await trx
    .from('payments')
    .where('order_id', orderId)
    .sum('captured_amount as captured')
    .sum('refunded_amount as refunded')
  const captured = Number(money.captured ?? 0)
  if (captured > 0 && Number(money.refunded ?? 0) >= captured) return toShip

  const shares = await trx
    .from('payment_refunds')
    .whereIn(
      'seller_order_id',
      toShip.map((part) => part.id)
    )
    .where('status', RefundStatus.Succeeded)
    .groupBy('seller_order_id')
    .select('seller_order_id')
    .sum('amount as total')
  const refundedShare = (id: number) =>
    Number(shares.find((row) => Number(row.seller_order_id) === id)?.total ?? 0)
  const items = toShip.flatMap((part) => part.items)
  const given = await refundedQuantities(
    trx,
    items.map((item) => item.id),
    RefundStatus.Succeeded
  )
  return toShip.filter(
    (part) =>
      refundedShare(part.id) >= part.total ||
      part.items.every((item) => (given.get(item.id) ?? 0) >= item.quantity)
  )
}

/**
 * After parcels were called off: an order with none left is refunded (its
 * stock is already back), otherwise it catches up with the parcels left.
 */
async function followParcels(
  trx: TransactionClientContract,
  order: Order,
  refund: PaymentRefund,
  actor: Actor
) {
  const live = await SellerOrder.query({ client: trx })
    .where('orderId', order.id)
    .whereNot('status', SellerOrderStatus.Canceled)
  if (live.length) return catchUpOrder(trx, order.id, actor)

  const before = order.status
  const refunded = await transitionRow(trx, 'orders', order.id, orderLifecycle, 'refund', {
    canceled_at: sqlTimestamp(trx),
    cancel_reason: refund.reason,
  })
  if (!refunded) return
  // Every parcel was canceled (and restocked) one by one: only the state moves.
  await releaseStock(trx, order.id, [StockState.Sold, StockState.Reserved])
  const fresh = await Order.findOrFail(order.id, { client: trx })
  await OrderRefunded.record(trx, fresh, actor, {
    before: { status: before },
    after: { status: fresh.status, stockState: fresh.stockState, cancelReason: refund.reason },
  })
}
