import db from '@adonisjs/lucid/services/db'
import { sqlTimestamp } from '#services/sql_time'
import { storeDayBounds, typedDay } from '#formatting/store_time'
import Order from '#models/order'
import type Payment from '#models/payment'
import type SellerOrder from '#models/seller_order'
import AuditEvent from '#models/audit_event'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import { OrderEvent, PaymentEvent, SellerOrderEvent } from '#events/subject_events'
import { OrderStatus, orderLifecycle } from '#lifecycles/order_lifecycle'
import { SHIPPED_STATUSES } from '#lifecycles/seller_order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import type { PaymentManager } from '#payments/payment_manager'
import type { ShippingRegistry } from '#shipping/shipping_registry'
import { trackingUrl } from '#transformers/order_transformer'
import {
  parcelRefunds,
  refundBadge,
  refundLines,
  refundTotals,
  withRefundSums,
} from '#services/orders/order_refunds'

/** The adapter whose deposits an operator confirms by hand (무통장입금). */
export const BANK_TRANSFER = 'bank_transfer'

/** The order list's filters, as validated by orderListValidator. */
export interface OrderListFilters {
  status?: OrderStatus
  method?: string
  /** An order number or a customer email, matched exactly (case-insensitive). */
  q?: string
  /** Inclusive calendar days in the store's time zone. */
  from?: Date
  to?: Date
  page?: number
}

/**
 * The back office's order list, newest first. Every filter is served by an
 * index: number (unique), lower(email), (status, created_at), (created_at).
 * Each order carries its payments' sums for listedRefund.
 */
export async function searchOrders(filters: OrderListFilters, perPage = 25) {
  const day = (date: Date) => storeDayBounds(typedDay(date))
  const q = filters.q
  return withRefundSums(Order.query())
    .if(filters.status, (query) => query.where('status', filters.status!))
    .if(filters.method, (query) => query.where('payment_method', filters.method!))
    .if(q?.includes('@'), (query) => query.whereRaw('lower(email) = ?', [q!.toLowerCase()]))
    .if(q && !q.includes('@'), (query) => query.where('number', q!.toUpperCase()))
    .if(filters.from, (query) =>
      query.where('created_at', '>=', sqlTimestamp(db.connection(), day(filters.from!).start))
    )
    .if(filters.to, (query) =>
      query.where('created_at', '<=', sqlTimestamp(db.connection(), day(filters.to!).end))
    )
    .withCount('sellerOrders')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .paginate(filters.page ?? 1, perPage)
}

/** The list filter of orders waiting for a bank transfer to arrive. */
export const AWAITING_DEPOSIT = { status: OrderStatus.PendingPayment, method: BANK_TRANSFER }

/**
 * How many orders wait for a bank transfer, for the dashboard. Cheap: unpaid
 * orders are few (they expire) and (status, expires_at) finds them.
 */
export async function countAwaitingDeposit(): Promise<number> {
  const [row] = await Order.query()
    .where('status', AWAITING_DEPOSIT.status)
    .where('payment_method', AWAITING_DEPOSIT.method)
    .count('* as total')
  return Number(row.$extras.total)
}

/** Where labels for adapter and policy codes come from. */
export interface LabelSources {
  payments: PaymentManager
  shipping: ShippingRegistry
}

/**
 * Everything the order page shows: customer, seller orders with seller,
 * items, shipment, refunds and the shipping policy versions they were
 * quoted with, payments with their refunds (and which can be marked
 * received), whether and how the order can be called off, and the audit
 * trail of the order, its seller orders and payments.
 */
export async function orderForBackOffice(id: number, labels: LabelSources) {
  const order = await Order.query()
    .where('id', id)
    .preload('user')
    .preload('sellerOrders', (sellerOrders) => sellerOrders.preload('seller').preload('items'))
    .preload('payments', (payments) =>
      payments.preload('refunds', (refunds) => refunds.preload('items'))
    )
    .firstOrFail()
  const refundsShown = refundLines(
    order.payments.flatMap((payment) => payment.refunds),
    order.sellerOrders
  )
  const captured = order.payments.reduce((total, payment) => total + payment.capturedAmount, 0)
  const refundState = refundTotals(refundsShown, captured)

  const policyIds = order.sellerOrders
    .flatMap((sellerOrder) => [sellerOrder.shippingPolicyId, sellerOrder.surchargePolicyId])
    .filter((policyId): policyId is number => policyId !== null)
  const policies = policyIds.length
    ? await ShippingPolicyVersion.query().whereIn('id', policyIds).orderBy('id')
    : []
  const bySellerOrder = <T>(value: (sellerOrder: SellerOrder) => T) =>
    Object.fromEntries(
      order.sellerOrders.map((sellerOrder) => [sellerOrder.id, value(sellerOrder)])
    )
  const codes = new Set(policies.map((policy) => policy.code).filter((code) => code !== null))

  return {
    order,
    quotedWith: bySellerOrder((sellerOrder) =>
      policies.filter((policy) =>
        [sellerOrder.shippingPolicyId, sellerOrder.surchargePolicyId].includes(policy.id)
      )
    ),
    trackingUrls: bySellerOrder(trackingUrl),
    parcelRefunds: bySellerOrder((sellerOrder) => parcelRefunds(refundsShown, sellerOrder)),
    refundState,
    refundBadge: refundBadge(order, refundState.state),
    receivable: order.payments
      .filter((payment) => !receiveBlocker(payment))
      .map(({ id: pk }) => pk),
    cancelBlocker: cancelBlocker(order),
    refunds: !orderLifecycle.can(order.status, 'cancel'),
    methodLabels: Object.fromEntries(
      labels.payments.enabled().map((method) => [method.code, method.label])
    ),
    policyLabels: Object.fromEntries(
      [...codes]
        .filter((code) => labels.shipping.has(code))
        .map((code) => [code, labels.shipping.get(code).label])
    ),
    trail: await orderAuditTrail(order),
  }
}

/** The audit events about an order, its seller orders and its payments, oldest first. */
export async function orderAuditTrail(order: Order): Promise<AuditEvent[]> {
  const ids = (rows: { id: number }[]) => rows.map((row) => String(row.id))
  return AuditEvent.query()
    .where((subjects) => {
      subjects.where((own) =>
        own.where('subject_type', OrderEvent.subjectType).where('subject_id', String(order.id))
      )
      if (order.sellerOrders.length) {
        subjects.orWhere((parts) =>
          parts
            .where('subject_type', SellerOrderEvent.subjectType)
            .whereIn('subject_id', ids(order.sellerOrders))
        )
      }
      if (order.payments.length) {
        subjects.orWhere((payments) =>
          payments
            .where('subject_type', PaymentEvent.subjectType)
            .whereIn('subject_id', ids(order.payments))
        )
      }
    })
    .orderBy('id', 'asc')
}

/**
 * Why an operator cannot call off this order as a whole, or null when they
 * can (an unpaid order is canceled, a paid one nothing of which shipped is
 * refunded). Expects sellerOrders preloaded.
 */
export function cancelBlocker(order: Order): 'shipped' | 'state' | null {
  if (orderLifecycle.can(order.status, 'cancel')) return null
  if (!orderLifecycle.can(order.status, 'refund')) return 'state'
  if (order.sellerOrders.some((sellerOrder) => SHIPPED_STATUSES.includes(sellerOrder.status))) {
    return 'shipped'
  }
  return null
}

/** Why this payment cannot be marked as a received deposit, or null when it can. */
export function receiveBlocker(payment: Payment): 'not_bank_transfer' | 'not_pending' | null {
  if (payment.adapter !== BANK_TRANSFER) return 'not_bank_transfer'
  if (payment.status !== PaymentStatus.Pending) return 'not_pending'
  return null
}
