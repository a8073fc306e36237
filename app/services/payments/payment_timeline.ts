import type Order from '#models/order'
import Payment from '#models/payment'
import type SellerOrder from '#models/seller_order'
import type AuditEvent from '#models/audit_event'
import PaymentRefund from '#models/payment_refund'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import User from '#models/user'
import { PaymentEvent } from '#events/subject_events'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { BANK_TRANSFER } from '#services/orders/back_office_orders'
import { refundableOf } from '#services/payments/refund_service'
import { fractionDigits } from '#services/money'
import type { PaymentManager } from '#payments/payment_manager'

/** One refund as the order page lists it, with who asked for it. */
export interface TimelineRefund {
  refund: PaymentRefund
  requestedBy: string | null
}

/** One seller's share of a payment: what can still be refunded of it. */
export interface SellerShare {
  sellerOrder: SellerOrder
  refunded: number
  refundable: number
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
}

/**
 * The payment timeline of an order: each attempt with its audit events
 * (taken from the order's trail, already loaded), its webhook deliveries and
 * its refunds, plus what is refundable of the payment and of each seller's
 * share. Three queries whatever the number of attempts. Expects the order's
 * payments and seller orders (with seller) preloaded.
 */
export async function paymentTimeline(
  order: Order,
  trail: AuditEvent[],
  manager: PaymentManager
): Promise<PaymentTimelineEntry[]> {
  const ids = order.payments.map((payment) => payment.id)
  if (!ids.length) return []
  const [deliveries, refunds] = await Promise.all([
    PaymentWebhookEvent.query().whereIn('payment_id', ids).orderBy('id'),
    PaymentRefund.query().whereIn('payment_id', ids).orderBy('id'),
  ])
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
      refunds: own.map((refund) => ({ refund, requestedBy: nameOf(refund.requestedById) })),
      refundable: refundableOf(payment, refunds),
      shares: order.sellerOrders.map((sellerOrder) => ({
        sellerOrder,
        refunded: own
          .filter((refund) => refund.sellerOrderId === sellerOrder.id)
          .filter((refund) => refund.status === RefundStatus.Succeeded)
          .reduce((total, refund) => total + refund.amount, 0),
        refundable: refundableOf(payment, refunds, sellerOrder),
      })),
      manual: payment.adapter === BANK_TRANSFER,
      canRefund: adapter?.capabilities.refunds ?? false,
      partialRefunds: adapter?.capabilities.partialRefunds ?? false,
      inReview: payment.status === PaymentStatus.Review,
      digits: fractionDigits(payment.currency),
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
