import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import PaymentRefund from '#models/payment_refund'
import type Payment from '#models/payment'
import { PaymentManager } from '#payments/payment_manager'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { SYSTEM_ACTOR } from '#audit/actor'
import { PaymentService } from '#services/payments/payment_service'
import { RefundService } from '#services/payments/refund_service'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { deliverStripeEvent, useLocalStripe } from '#tests/helpers/payments'
import { placedOrder } from '#tests/helpers/shop'

const stripe = await startStripeServer()

/** A paid Stripe order whose card's refunds stay pending at Stripe, and a pending refund of 5,000. */
async function pendingRefund() {
  const { payment } = await placedOrder({ paymentMethod: 'stripe' })
  await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_pendingRefund')
  const payments = await app.container.make(PaymentService)
  await payments.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)
  const refunds = await app.container.make(RefundService)
  const refund = await refunds.refund(payment, { amount: 5000, reason: 'damaged' }, SYSTEM_ACTOR)
  return { payment, refund }
}

/** A paid Stripe order. */
async function paidByCard() {
  const placed = await placedOrder({ paymentMethod: 'stripe' })
  const { payment } = placed
  await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
  const payments = await app.container.make(PaymentService)
  await payments.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)
  return placed
}

/** A refund made at Stripe directly (its dashboard, or a call whose answer we lost); its id. */
async function stripeRefund(payment: Payment, amount: number, idempotencyKey: string) {
  const manager = await app.container.make(PaymentManager)
  const result = await manager.use('stripe').refund({
    attemptId: payment.attemptId,
    idempotencyKey,
    providerReference: payment.providerReference!,
    amount,
    currency: payment.currency,
    reason: 'requested_by_customer',
  })
  if (result.status !== 'refunded') throw new Error(`Stripe did not refund: ${result.status}`)
  return result.refundReference
}

/*
 * A refund Stripe answers `pending` is settled by Stripe's refund.updated
 * webhook: once, whatever the number of deliveries.
 */
test.group('Payments | refunds settled by webhook', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a pending refund succeeds once when Stripe reports it, even delivered twice', async ({
    client,
    assert,
  }) => {
    const { payment, refund } = await pendingRefund()
    assert.equal(refund.status, RefundStatus.Pending)
    assert.equal(payment.status, PaymentStatus.Captured)

    const reference = refund.providerRefundReference!
    stripe.state.refunds.get(reference)!.status = 'succeeded'
    const event = stripe.signedEvent('refund.updated', reference)
    const responses = await Promise.all([
      deliverStripeEvent(client, event),
      deliverStripeEvent(client, event),
    ])

    assert.deepEqual(
      responses.map((response) => response.status()),
      [200, 200]
    )
    await Promise.all([refund.refresh(), payment.refresh()])
    assert.equal(refund.status, RefundStatus.Succeeded)
    assert.equal(payment.status, PaymentStatus.PartiallyRefunded)
    assert.equal(payment.refundedAmount, 5000)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.refunded'), 1)
  })

  test('a pending refund that Stripe fails is marked failed and gives nothing back', async ({
    client,
    assert,
  }) => {
    const { payment, refund } = await pendingRefund()
    const reference = refund.providerRefundReference!
    stripe.state.refunds.get(reference)!.status = 'failed'

    const response = await deliverStripeEvent(
      client,
      stripe.signedEvent('refund.updated', reference)
    )

    response.assertStatus(200)
    await Promise.all([refund.refresh(), payment.refresh()])
    assert.equal(refund.status, RefundStatus.Failed)
    assert.equal(refund.failureCode, 'provider_reported_failure')
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.refundedAmount, 0)
    assert.lengthOf(await AuditEvent.query().where('action', 'refund.failed'), 1)
    // What was held by the failed refund can be refunded again.
    const refunds = await app.container.make(RefundService)
    assert.equal(await refunds.refundable(payment), payment.capturedAmount)
    assert.lengthOf(await PaymentRefund.all(), 1)
  })

  test('a refund made in Stripe’s dashboard is recorded once, as the provider’s', async ({
    client,
    assert,
  }) => {
    const { payment } = await paidByCard()
    const refund = await stripeRefund(payment, 2000, 'dashboard-refund-1')
    const event = stripe.signedEvent('refund.created', refund)

    await Promise.all([deliverStripeEvent(client, event), deliverStripeEvent(client, event)])

    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.PartiallyRefunded)
    assert.equal(payment.refundedAmount, 2000)
    const rows = await PaymentRefund.all()
    assert.deepEqual(
      rows.map((row) => [row.amount, row.status, row.providerRefundReference, row.requestedById]),
      [[2000, RefundStatus.Succeeded, refund, null]]
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.refunded'), 1)
  })

  test('a refund Stripe reports before our call returned is matched to its pending row', async ({
    client,
    assert,
  }) => {
    const { payment } = await paidByCard()
    const refunds = await app.container.make(RefundService)
    stripe.failNext()
    await assert.rejects(() =>
      refunds.refund(payment, { amount: 3000, reason: 'late parcel' }, SYSTEM_ACTOR)
    )
    const [row] = await PaymentRefund.all()
    // Our call did reach Stripe after all (its answer was lost on the way back).
    const refund = await stripeRefund(payment, 3000, row.idempotencyKey)

    const response = await deliverStripeEvent(client, stripe.signedEvent('refund.created', refund))

    response.assertStatus(200)
    await Promise.all([row.refresh(), payment.refresh()])
    assert.equal(row.status, RefundStatus.Succeeded)
    assert.equal(row.providerRefundReference, refund)
    assert.equal(payment.refundedAmount, 3000)
    assert.lengthOf(await PaymentRefund.all(), 1)
    const atStripe = [...stripe.state.refunds.values()].filter(
      (entry) => entry.payment_intent === payment.providerReference
    )
    assert.lengthOf(atStripe, 1)
  })
})
