import type Order from '#models/order'
import Payment from '#models/payment'
import type SellerOrder from '#models/seller_order'
import type OrderItem from '#models/order_item'
import type AuditEvent from '#models/audit_event'
import type PaymentRefund from '#models/payment_refund'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import User from '#models/user'
import { PaymentEvent } from '#events/subject_events'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { CONFIRMED_STATUSES } from '#lifecycles/seller_order_lifecycle'
import { BANK_TRANSFER } from '#services/orders/back_office_orders'
import { refundableOf } from '#services/payments/refund_rules'
import { fractionDigits } from '#services/money'
import type { PaymentManager } from '#payments/payment_manager'

/** One refund as the order page lists it, with who asked for it and the items it gives back. */
export interface TimelineRefund {
  refund: PaymentRefund
  requestedBy: string | null
  items: { item: OrderItem; quantity: number }[]
}

/**
 * One seller's share of a payment: what can still be refunded of it, and
 * whether 구매확정 already promised it to the seller (refunding it then
 * needs an override).
 */
export interface SellerShare {
  sellerOrder: SellerOrder
  refunded: number
  refundable: number
  confirmed: boolean
}

/** Everything that happened to one payment attempt, for the order page. */
export interface PaymentTimelineEntry {
  payment: Payment
  events: AuditEvent[]
  deliveries: PaymentWebhookEvent[]
  refunds: TimelineRefund[]
  refundable: number
  shares: SellerShare[]
  /** Refunds through this adapter are money the operator sends back by hand (무통장입금). */
  manual: boolean
  canRefund: boolean
  partialRefunds: boolean
  inReview: boolean
  /** Decimal places of the payment's currency, for the refund forms' major-unit amounts. */
  digits: number
  /** Whether part of the order is purchase-confirmed: a whole-payment refund may need an override. */
  confirmed: boolean
  /** The order's items, and how many of each (by id) no pending or succeeded refund gives back yet. */
  items: OrderItem[]
  itemsLeft: Record<number, number>
}

/**
 * The payment timeline of an order: each attempt with its audit events
 * (taken from the order's trail, already loaded), its webhook deliveries and
 * its refunds, plus what is refundable of the payment, of each seller's
 * share and of each item. Two queries whatever the number of attempts.
 * Expects the order's payments (with their refunds and the refunds' items)
 * and seller orders (with seller and items) preloaded.
 */
export async function paymentTimeline(
  order: Order,
  trail: AuditEvent[],
  manager: PaymentManager
): Promise<PaymentTimelineEntry[]> {
  const ids = order.payments.map((payment) => payment.id)
  if (!ids.length) return []
  const deliveries = await PaymentWebhookEvent.query().whereIn('payment_id', ids).orderBy('id')
  const refunds = order.payments.flatMap((payment) => payment.refunds)
  const requesterIds = [...new Set(refunds.map((refund) => refund.requestedById))].filter(
    (id): id is number => id !== null
  )
  const requesters = requesterIds.length
    ? await User.query().whereIn('id', requesterIds).select('id', 'fullName', 'role')
    : []
  const nameOf = (id: number | null) => {
    const user = requesters.find((requester) => requester.id === id)
    return user ? `${user.fullName} (${user.role} #${user.id})` : null
  }

  const items = order.sellerOrders.flatMap((sellerOrder) => sellerOrder.items)
  const held = refunds.filter((refund) => refund.status !== RefundStatus.Failed)
  const itemsLeft = Object.fromEntries(
    items.map((item) => [
      item.id,
      item.quantity -
        held
          .flatMap((refund) => refund.items)
          .filter((line) => line.orderItemId === item.id)
          .reduce((total, line) => total + line.quantity, 0),
    ])
  )
  const confirmed = (sellerOrder: SellerOrder) => CONFIRMED_STATUSES.includes(sellerOrder.status)

  return order.payments.map((payment) => {
    const adapter = manager.has(payment.adapter) ? manager.use(payment.adapter) : null
    const own = refunds.filter((refund) => refund.paymentId === payment.id)
    return {
      payment,
      events: trail.filter(
        (event) =>
          event.subjectType === PaymentEvent.subjectType && event.subjectId === String(payment.id)
      ),
      deliveries: deliveries.filter((delivery) => delivery.paymentId === payment.id),
      refunds: own.map((refund) => ({
        refund,
        requestedBy: nameOf(refund.requestedById),
        items: refund.items.flatMap((line) => {
          const item = items.find((candidate) => candidate.id === line.orderItemId)
          return item ? [{ item, quantity: line.quantity }] : []
        }),
      })),
      refundable: refundableOf(payment, refunds),
      shares: order.sellerOrders.map((sellerOrder) => ({
        sellerOrder,
        refunded: own
          .filter((refund) => refund.sellerOrderId === sellerOrder.id)
          .filter((refund) => refund.status === RefundStatus.Succeeded)
          .reduce((total, refund) => total + refund.amount, 0),
        refundable: refundableOf(payment, refunds, sellerOrder),
        confirmed: confirmed(sellerOrder),
      })),
      manual: payment.adapter === BANK_TRANSFER,
      canRefund: adapter?.capabilities.refunds ?? false,
      partialRefunds: adapter?.capabilities.partialRefunds ?? false,
      inReview: payment.status === PaymentStatus.Review,
      digits: fractionDigits(payment.currency),
      confirmed: order.sellerOrders.some(confirmed),
      items,
      itemsLeft,
    }
  })
}

/** How many payments wait for an admin's decision, and the newest of them, for the dashboard. */
export async function paymentsInReview(limit = 10) {
  const [count, latest] = await Promise.all([
    Payment.query().where('status', PaymentStatus.Review).count('* as total'),
    Payment.query()
      .where('status', PaymentStatus.Review)
      .preload('order')
      .orderBy('id', 'desc')
      .limit(limit),
  ])
  return { total: Number(count[0].$extras.total), latest }
}
