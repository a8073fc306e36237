import app from '@adonisjs/core/services/app'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import type User from '#models/user'
import { SYSTEM_ACTOR } from '#audit/actor'
import { PaymentService } from '#services/payments/payment_service'
import { RefundService } from '#services/payments/refund_service'
import type { StripeServer } from '#tests/fixtures/servers/stripe_server'
import { createListing, setPolicy } from '#tests/helpers/commerce'
import { placeOrder } from '#tests/functional/orders/helpers'

/**
 * A two-seller order paid by card through the local Stripe: seller A sells
 * 2 × 10,000 with 3,000 shipping, seller B 1 × 5,000 with 2,500 shipping
 * (30,500 in all). Returns the order with its seller orders, the captured
 * payment and both seller orders by name.
 */
export async function cardPaidOrder(stripe: StripeServer, options: { user?: User } = {}) {
  const first = await createListing({ price: 10_000, stock: 5 })
  const second = await createListing({ price: 5_000, stock: 5 })
  await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
  await setPolicy(second.seller, 'domestic', 'flat', { amount: 2500 })
  const { order, payment } = await placeOrder(
    [
      { variant: first.variant, quantity: 2 },
      { variant: second.variant, quantity: 1 },
    ],
    { paymentMethod: 'stripe', user: options.user }
  )
  await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
  const payments = await app.container.make(PaymentService)
  await payments.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)
  await order.load('sellerOrders')
  const sellerOrderOf = (sellerId: number) =>
    order.sellerOrders.find((sellerOrder) => sellerOrder.sellerId === sellerId)!
  return {
    order,
    payment: await payment.refresh(),
    sellerA: sellerOrderOf(first.seller.id),
    sellerB: sellerOrderOf(second.seller.id),
  }
}

/**
 * A card payment whose provider confirmed `amount` (in `currency`, if given)
 * instead of the order's total: held for review.
 */
export async function heldForReview(stripe: StripeServer, amount: number, currency?: string) {
  const listing = await createListing({ price: 10_000, stock: 5 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const { order, payment } = await placeOrder([{ variant: listing.variant, quantity: 2 }], {
    paymentMethod: 'stripe',
  })
  const intent = stripe.state.intents.get(payment.providerReference!)!
  intent.amount = amount
  if (currency) intent.currency = currency
  await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
  const payments = await app.container.make(PaymentService)
  await payments.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)
  return { order, payment: await payment.refresh() }
}

/** The refund service as the container builds it (with the swapped payment manager). */
export function refundService() {
  return app.container.make(RefundService)
}

/** A payment as stored now. */
export function storedPayment(id: number) {
  return Payment.findOrFail(id)
}

/** The refunds the local Stripe made for one PaymentIntent. */
export function refundsAt(stripe: StripeServer, intentId: string) {
  return [...stripe.state.refunds.values()].filter((refund) => refund.payment_intent === intentId)
}

/** Posts the order page's refund form as `user`, without following the redirect. */
export function postRefund(
  client: ApiClient,
  user: User,
  paymentId: number,
  form: Record<string, unknown>
) {
  return client
    .post(`/admin/payments/${paymentId}/refunds`)
    .header('referer', '/admin')
    .form(form)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

/** The refund actions in the audit log, oldest first. */
export async function refundAuditActions() {
  const rows = await AuditEvent.query()
    .where('action', 'like', 'refund.%')
    .orWhere('action', 'payment.refunded')
    .orderBy('id')
  return rows.map((row) => row.action)
}
