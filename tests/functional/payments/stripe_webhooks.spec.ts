import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Stripe from 'stripe'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SYSTEM_ACTOR } from '#audit/actor'
import { PaymentService } from '#services/payments/payment_service'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { deliverStripeEvent, useLocalStripe } from '#tests/helpers/payments'
import { placedOrder } from '#tests/helpers/shop'

const stripe = await startStripeServer()

/** An order paid by card in the browser (Stripe.js); only the webhook is left to arrive. */
async function paidByCard() {
  const placed = await placedOrder({ paymentMethod: 'stripe' })
  await stripe.confirmInBrowser(placed.payment.providerReference!, 'pm_card_visa')
  return placed
}

/*
 * Stripe webhooks through POST /webhooks/stripe against a local Stripe, with
 * real signatures. These tests commit for real and deliver in parallel, so
 * they truncate the tables instead of rolling back a transaction.
 */
test.group('Payments | Stripe webhooks', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the same event delivered three times at once pays the order once', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await paidByCard()
    const event = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)

    const responses = await Promise.all([1, 2, 3].map(() => deliverStripeEvent(client, event)))

    assert.deepEqual(
      responses.map((response) => response.status()),
      [200, 200, 200]
    )
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.lengthOf(await PaymentWebhookEvent.all(), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
  })

  test('the return URL and the webhook racing capture once', async ({ client, assert }) => {
    const { order, payment } = await paidByCard()
    const event = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)
    const payments = await app.container.make(PaymentService)
    const intent = stripe.state.intents.get(payment.providerReference!)!

    await Promise.all([
      deliverStripeEvent(client, event),
      payments.confirm(
        await Payment.findOrFail(payment.id),
        {
          payment_intent: intent.id,
          payment_intent_client_secret: intent.client_secret,
          redirect_status: 'succeeded',
        },
        SYSTEM_ACTOR
      ),
    ])

    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
  })

  test('a late failure event does not undo a captured payment', async ({ client, assert }) => {
    const { order, payment } = await paidByCard()
    const succeeded = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)
    const failed = stripe.signedEvent('payment_intent.payment_failed', payment.providerReference!)

    const first = await deliverStripeEvent(client, succeeded)
    first.assertStatus(200)
    const late = await deliverStripeEvent(client, failed)
    late.assertStatus(200)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.Paid)
  })

  test('a bad signature, or a timestamp beyond the tolerance either way, is refused with 400 and changes nothing', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await paidByCard()
    const event = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)

    const forged = await deliverStripeEvent(client, {
      ...event,
      signature: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
    })
    forged.assertStatus(400)
    const stale = await deliverStripeEvent(client, {
      rawBody: event.rawBody,
      signature: Stripe.webhooks.generateTestHeaderString({
        payload: event.rawBody,
        secret: stripe.webhookSecret,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      }),
    })
    stale.assertStatus(400)
    const early = await deliverStripeEvent(client, {
      rawBody: event.rawBody,
      signature: Stripe.webhooks.generateTestHeaderString({
        payload: event.rawBody,
        secret: stripe.webhookSecret,
        timestamp: Math.floor(Date.now() / 1000) + 3600,
      }),
    })
    early.assertStatus(400)
    const tampered = await deliverStripeEvent(client, {
      ...event,
      rawBody: event.rawBody.replace('"livemode":false', '"livemode":true'),
    })
    tampered.assertStatus(400)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.lengthOf(await PaymentWebhookEvent.all(), 0)
  })

  test('an adapter without webhooks, or none at all, is a 404', async ({ client }) => {
    const response = await client.post('/webhooks/test_card').json({})
    response.assertStatus(404)
    const unknown = await client.post('/webhooks/nobody').json({})
    unknown.assertStatus(404)
  })
})
