import type { DateTime } from 'luxon'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Order from '#models/order'
import type OrderItem from '#models/order_item'
import PaymentRefund from '#models/payment_refund'
import SellerOrder from '#models/seller_order'
import { RefundStatus } from '#lifecycles/refund_status'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { type SystemRefundReason, systemRefundReason } from '#services/payments/refund_reasons'

/** How much of the money paid went back: nothing, part of it, or all of it. */
export type RefundState = 'none' | 'partial' | 'full'

/** The refund state of `captured` money of which `refunded` went back. */
export function refundStateOf(captured: number, refunded: number): RefundState {
  if (refunded <= 0) return 'none'
  return refunded >= captured ? 'full' : 'partial'
}

/**
 * The refund badge next to an order's status: partial or full, none when
 * nothing went back or the status already says the order was refunded.
 */
export function refundBadge(order: Pick<Order, 'status'>, state: RefundState): RefundState | null {
  if (state === 'none' || order.status === OrderStatus.Refunded) return null
  return state
}

/** One refund as the people of an order see it: the customer, its sellers, operators. */
export interface RefundLine {
  id: number
  /** Still with the provider: the money is on its way back. */
  pending: boolean
  amount: number
  currency: string
  /** An operator's words, or null when Jangteo wrote the reason (see `reasonKey`). */
  reason: string | null
  reasonKey: SystemRefundReason | null
  /** When it went through, or when it was asked for while pending. */
  at: DateTime
  /** The seller order whose share was refunded; null for the order as a whole. */
  sellerOrderId: number | null
  /** Its seller's name, when the seller was loaded. */
  sellerName: string | null
  items: { item: OrderItem; quantity: number }[]
}

/**
 * Refunds that went through or are under way (failed ones are an
 * operator's matter), oldest first, each with the ordered items it names.
 * Expects the refunds' items and the seller orders' items loaded.
 */
export function refundLines(refunds: PaymentRefund[], sellerOrders: SellerOrder[]): RefundLine[] {
  const items = sellerOrders.flatMap((sellerOrder) => sellerOrder.items)
  return refunds
    .filter((refund) => refund.status !== RefundStatus.Failed)
    .sort((a, b) => a.id - b.id)
    .map((refund) => {
      const reasonKey = systemRefundReason(refund.reason)
      const sellerOrder = sellerOrders.find((part) => part.id === refund.sellerOrderId)
      return {
        id: refund.id,
        pending: refund.status === RefundStatus.Pending,
        amount: refund.amount,
        currency: refund.currency,
        reason: reasonKey ? null : refund.reason,
        reasonKey,
        at: refund.refundedAt ?? refund.createdAt,
        sellerOrderId: refund.sellerOrderId,
        sellerName: sellerOrder?.seller?.name ?? null,
        items: refund.items.flatMap((line) => {
          const item = items.find((candidate) => candidate.id === line.orderItemId)
          return item ? [{ item, quantity: line.quantity }] : []
        }),
      }
    })
}

/** What went back of the money, and what is on its way. */
export function refundTotals(lines: RefundLine[], captured: number) {
  const sum = (rows: RefundLine[]) => rows.reduce((total, line) => total + line.amount, 0)
  const refunded = sum(lines.filter((line) => !line.pending))
  return {
    refunded,
    pending: sum(lines.filter((line) => line.pending)),
    state: refundStateOf(captured, refunded),
  }
}

/**
 * One seller order's side of the refunds: those of its share and those of
 * the order as a whole (their items narrowed to this seller's), how much of
 * its own share went back or is on its way, how many of each of its items
 * were refunded, and the badge its seller sees (full once it was called off
 * by them, pending while none went through yet).
 */
export function parcelRefunds(lines: RefundLine[], sellerOrder: SellerOrder) {
  const concerned = lines
    .filter((line) => line.sellerOrderId === null || line.sellerOrderId === sellerOrder.id)
    .map((line) => ({
      ...line,
      items: line.items.filter(({ item }) => item.sellerOrderId === sellerOrder.id),
    }))
  const quantities = new Map<number, number>()
  for (const line of concerned.filter((candidate) => !candidate.pending)) {
    for (const { item, quantity } of line.items) {
      quantities.set(item.id, (quantities.get(item.id) ?? 0) + quantity)
    }
  }
  const share = refundTotals(
    concerned.filter((line) => line.sellerOrderId === sellerOrder.id),
    sellerOrder.total
  )
  const done = concerned.some((line) => !line.pending)
  const calledOff = done && sellerOrder.status === SellerOrderStatus.Canceled
  const badge: RefundState | 'pending' | null = !concerned.length
    ? null
    : share.state === 'full' || calledOff
      ? 'full'
      : done
        ? 'partial'
        : 'pending'
  return { lines: concerned, ...share, quantities, badge }
}

/**
 * What sellers see of the refunds of these seller orders (items loaded):
 * each one's side (see parcelRefunds), by seller order id. Refunds of other
 * sellers' shares and other sellers' items stay out. One query.
 */
export async function sellerOrderRefunds(sellerOrders: SellerOrder[]) {
  if (!sellerOrders.length) return new Map<number, ReturnType<typeof parcelRefunds>>()
  const refunds = await PaymentRefund.query()
    .join('payments', 'payments.id', 'payment_refunds.payment_id')
    .whereIn(
      'payments.order_id',
      sellerOrders.map((sellerOrder) => sellerOrder.orderId)
    )
    .whereNot('payment_refunds.status', RefundStatus.Failed)
    .where((scope) =>
      scope.whereNull('payment_refunds.seller_order_id').orWhereIn(
        'payment_refunds.seller_order_id',
        sellerOrders.map((sellerOrder) => sellerOrder.id)
      )
    )
    .select('payment_refunds.*', 'payments.order_id as order_id')
    .preload('items')
  return new Map(
    sellerOrders.map((sellerOrder) => {
      const ofOrder = refunds.filter(
        (refund) => Number(refund.$extras.order_id) === sellerOrder.orderId
      )
      return [sellerOrder.id, parcelRefunds(refundLines(ofOrder, [sellerOrder]), sellerOrder)]
    })
  )
}

/**
 * Adds to an order list's query what it needs to show refunds: captured and
 * refunded money summed over each order's payments (see listedRefund).
 */
export function withRefundSums(query: ModelQueryBuilderContract<typeof Order, Order>) {
  return query
    .withAggregate('payments', (payments) => payments.sum('captured_amount').as('captured'))
    .withAggregate('payments', (payments) => payments.sum('refunded_amount').as('refunded'))
}

/** The refund badge and amount refunded of an order loaded with withRefundSums. */
export function listedRefund(order: Order) {
  const refunded = Number(order.$extras.refunded ?? 0)
  const state = refundStateOf(Number(order.$extras.captured ?? 0), refunded)
  return { refunded, badge: refundBadge(order, state) }
}

/**
 * How many of a seller's parcels waiting to ship have a refund on them (of
 * their share or of the whole order), for the seller center's front page.
 */
export async function countToShipWithRefunds(sellerId: number): Promise<number> {
  const [row] = await SellerOrder.query()
    .where('seller_id', sellerId)
    .where('status', SellerOrderStatus.ToShip)
    .whereExists((refunds) =>
      refunds
        .from('payment_refunds')
        .join('payments', 'payments.id', 'payment_refunds.payment_id')
        .whereColumn('payments.order_id', 'seller_orders.order_id')
        .whereNot('payment_refunds.status', RefundStatus.Failed)
        .where((scope) =>
          scope
            .whereNull('payment_refunds.seller_order_id')
            .orWhereColumn('payment_refunds.seller_order_id', 'seller_orders.id')
        )
    )
    .count('* as count')
  return Number(row.$extras.count)
}
