import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Payment from '#models/payment'
import type PaymentRefund from '#models/payment_refund'
import OrderItem from '#models/order_item'
import SellerOrder from '#models/seller_order'
import { CONFIRMED_STATUSES } from '#lifecycles/seller_order_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { paymentLifecycle } from '#lifecycles/payment_lifecycle'
import { RefundRefusedException } from '#services/payments/refund_errors'

/** The parts of a refund row the refundable arithmetic reads. */
type HeldRefund = Pick<PaymentRefund, 'paymentId' | 'sellerOrderId' | 'status' | 'amount'>

/**
 * What is left to refund: of the payment, captured money minus succeeded and
 * pending refunds; of a seller order, also its share of the order (its items
 * and shipping fee) minus its own succeeded and pending refunds. `refunds`
 * may hold other payments' rows; only the relevant ones are counted.
 */
export function refundableOf(
  payment: Pick<Payment, 'id' | 'status' | 'capturedAmount'>,
  refunds: HeldRefund[],
  sellerOrder?: Pick<SellerOrder, 'id' | 'total'>
): number {
  if (!paymentLifecycle.can(payment.status, 'refund')) return 0
  const held = (refund: HeldRefund) => refund.status !== RefundStatus.Failed
  const sum = (rows: HeldRefund[]) => rows.reduce((total, refund) => total + refund.amount, 0)
  const left =
    payment.capturedAmount -
    sum(refunds.filter((refund) => refund.paymentId === payment.id && held(refund)))
  if (!sellerOrder) return Math.max(left, 0)
  const share =
    sellerOrder.total - sum(refunds.filter((r) => r.sellerOrderId === sellerOrder.id && held(r)))
  return Math.max(Math.min(left, share), 0)
}

/** An ordered item a refund gives back, and how many of it. */
export interface RefundItemRequest {
  orderItemId: number
  quantity: number
}

/** How the audit log names a refund an admin made after 구매확정. */
export const AFTER_PURCHASE_CONFIRMED = 'after_purchase_confirmed'

/**
 * Refuses a refund that takes money purchase confirmation (구매확정) told the
 * customer now goes to the seller, unless an admin gave a reason to override:
 * any refund of a confirmed seller order's share, and any other refund larger
 * than what the order holds beyond the confirmed sellers' remaining shares
 * (so money paid twice can still go back). Returns the override reason when
 * one was needed, null when the refund touches no confirmed money.
 */
export async function purchaseConfirmedOverride(
  trx: TransactionClientContract,
  payment: Payment,
  request: { amount: number; sellerOrderId: number | null; overrideReason?: string | null },
  refundable: number
): Promise<string | null> {
  const sellerOrders = await SellerOrder.query({ client: trx }).where('orderId', payment.orderId)
  const confirmed = sellerOrders.filter((part) => CONFIRMED_STATUSES.includes(part.status))
  if (!confirmed.length) return null

  const [captured, refunds] = await Promise.all([
    trx.from('payments').where('order_id', payment.orderId).sum('captured_amount as total'),
    trx
      .from('payment_refunds')
      .join('payments', 'payments.id', 'payment_refunds.payment_id')
      .where('payments.order_id', payment.orderId)
      .whereNot('payment_refunds.status', RefundStatus.Failed)
      .select('payment_refunds.seller_order_id', 'payment_refunds.amount'),
  ])
  const held = (sellerOrderId?: number) =>
    refunds
      .filter((row) => sellerOrderId === undefined || row.seller_order_id === sellerOrderId)
      .reduce((total, row) => total + Number(row.amount), 0)
  const promised = confirmed.reduce(
    (total, part) => total + Math.max(part.total - held(part.id), 0),
    0
  )
  const free = Number(captured[0].total ?? 0) - held() - promised
  const ofConfirmed = confirmed.some((part) => part.id === request.sellerOrderId)
  if (!ofConfirmed && request.amount <= free) return null

  const reason = request.overrideReason?.trim()
  if (reason && reason.length <= 500) return reason
  const numbers = confirmed.map((part) => `#${part.id}`).join(', ')
  throw new RefundRefusedException(
    'purchase_confirmed',
    refundable,
    `Seller order ${numbers} is purchase-confirmed: its money goes to the seller. Refunding it needs an admin's override with a reason`
  )
}

/**
 * Checks the items a refund names: each belongs to the payment's order (and
 * to the refunded seller order, if one is named), and no more of it is given
 * back than was bought, counting pending and succeeded refunds. Items with a
 * zero quantity are dropped: the form lists every item.
 */
export async function refundItems(
  trx: TransactionClientContract,
  payment: Payment,
  sellerOrderId: number | null,
  requested: RefundItemRequest[],
  refundable: number
): Promise<RefundItemRequest[]> {
  const wanted = requested.filter((item) => item.quantity > 0)
  if (!wanted.length) return []
  const ids = wanted.map((item) => item.orderItemId)
  const items = await OrderItem.query({ client: trx })
    .where('orderId', payment.orderId)
    .whereIn('id', ids)
    .if(sellerOrderId !== null, (query) => query.where('sellerOrderId', sellerOrderId!))
  if (items.length !== new Set(ids).size || ids.length !== items.length) {
    throw new RefundRefusedException(
      'foreign_item',
      refundable,
      `Items ${ids.join(', ')} are not all items of this order${sellerOrderId ? `'s seller order #${sellerOrderId}` : ''}, or are named twice`
    )
  }
  const given = await refundedQuantities(trx, ids)
  for (const item of items) {
    const left = item.quantity - (given.get(item.id) ?? 0)
    const quantity = wanted.find((line) => line.orderItemId === item.id)!.quantity
    if (quantity > left) {
      throw new RefundRefusedException(
        'item_quantity',
        refundable,
        `Cannot refund ${quantity} of item #${item.id}: ${left} of ${item.quantity} are left to refund`,
        { item: item.productTitle, left }
      )
    }
  }
  return wanted
}

/**
 * How many of each ordered item pending and succeeded refunds give back, or
 * (with `status`) refunds in that status only.
 */
export async function refundedQuantities(
  trx: TransactionClientContract,
  orderItemIds: number[],
  status?: RefundStatus
): Promise<Map<number, number>> {
  if (!orderItemIds.length) return new Map()
  const rows = await trx
    .from('payment_refund_items')
    .join('payment_refunds', 'payment_refunds.id', 'payment_refund_items.payment_refund_id')
    .whereIn('payment_refund_items.order_item_id', orderItemIds)
    .if(
      status,
      (query) => query.where('payment_refunds.status', status!),
      (query) => query.whereNot('payment_refunds.status', RefundStatus.Failed)
    )
    .groupBy('payment_refund_items.order_item_id')
    .select('payment_refund_items.order_item_id')
    .sum('payment_refund_items.quantity as quantity')
  return new Map(rows.map((row) => [Number(row.order_item_id), Number(row.quantity)]))
}
