import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import { PaymentManager } from '#payments/payment_manager'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SYSTEM_ACTOR } from '#audit/actor'
import { PaymentService } from '#services/payments/payment_service'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import {
  SHOP_URL,
  deliverStripeEvent,
  localKakaoPay,
  localStripe,
  useLocalProviders,
} from '#tests/helpers/payments'
import { placedOrder } from '#tests/helpers/shop'

const stripe = await startStripeServer()
const kakaopay = await new KakaoPayServer('DEV_SECRET_KEY_exactly_once').start()

async function actions(...names: string[]) {
  const rows = await AuditEvent.query().whereIn('action', names).orderBy('id')
  return rows.map((row) => row.action)
}

/*
 * Money moves once whatever arrives twice, late, out of order or with the
 * wrong amount; against the local Stripe and KakaoPay, committed for real.
 */
test.group('Payments | exactly once', (group) => {
  useLocalProviders(group, {
    servers: [stripe, kakaopay],
    adapters: { stripe: localStripe(stripe), kakaopay: localKakaoPay(kakaopay) },
    appUrl: SHOP_URL,
  })
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the provider approves, we die before committing, and the retry charges once', async ({
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'kakaopay' })
    const back = new URL(kakaopay.approveAsShopper(payment.providerReference!))
    const params = Object.fromEntries(back.searchParams)
    const service = await app.container.make(PaymentService)
    const manager = await app.container.make(PaymentManager)
    const adapter = manager.use('kakaopay')

    // The first confirm reaches KakaoPay and is approved there; the process
    // then dies, so nothing of it is written on our side.
    const lost = await adapter.confirm(await service.confirmInput(payment, params))
    assert.equal(lost.status, 'captured')
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)

    // The shopper reloads the return URL: the same attempt is confirmed again.
    await service.confirm(payment, params, SYSTEM_ACTOR)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, order.grandTotal)
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(kakaopay.approveCalls, 1)
    assert.deepEqual(await actions('payment.captured', 'order.paid'), [
      'payment.captured',
      'order.paid',
    ])
  })

  test('a crash after an off-session charge: the retry with the same key charges once', async ({
    assert,
  }) => {
    const { payment } = await placedOrder({ paymentMethod: 'stripe' })
    const manager = await app.container.make(PaymentManager)
    const adapter = manager.use('stripe')
    const saved = await adapter.savePaymentMethod!({
      idempotencyKey: 'save-once',
      customer: { email: 'buyer@example.com' },
      params: { paymentMethod: 'pm_card_visa' },
    })
    const charge = {
      attemptId: payment.attemptId,
      idempotencyKey: `${payment.attemptId}:charge_saved`,
      orderNumber: 'JT-TEST',
      amount: payment.amount,
      currency: payment.currency,
      description: 'Order JT-TEST',
      customer: { email: 'buyer@example.com' },
      capture: 'automatic' as const,
      expiresAt: new Date(Date.now() + 60_000),
      ...saved,
    }
    const before = stripe.state.intents.size

    const first = await adapter.chargeSavedMethod!(charge)
    const again = await adapter.chargeSavedMethod!(charge)

    assert.equal(first.status, 'captured')
    assert.deepEqual(again, first)
    assert.equal(stripe.state.intents.size, before + 1)
  })

  test('events out of order: a capture, an older authorization, the capture again', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
    const succeeded = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)
    const authorized = stripe.signedEvent(
      'payment_intent.amount_capturable_updated',
      payment.providerReference!
    )

    // Out of order: the capture arrives before an older authorization event.
    for (const event of [succeeded, authorized, succeeded]) {
      const response = await deliverStripeEvent(client, event)
      response.assertStatus(200)
    }

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.Paid)
    assert.deepEqual(await actions('payment.captured', 'payment.authorized', 'order.paid'), [
      'payment.captured',
      'order.paid',
    ])
  })

  test('a confirmed amount that differs is held for review, not paid', async ({ assert }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    // Someone changed the amount on the way (a tampered client, a provider-side edit).
    stripe.state.intents.get(payment.providerReference!)!.amount = 100
    const intent = await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
    assert.equal(intent.amount_received, 100)

    const service = await app.container.make(PaymentService)
    await service.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Review)
    assert.equal(payment.failureCode, 'amount_mismatch')
    assert.equal(payment.capturedAmount, 100)
    assert.include(payment.failureReason!, `expected ${order.grandTotal} KRW`)
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.deepEqual(await actions('payment.held_for_review', 'order.paid'), [
      'payment.held_for_review',
    ])

    // While it is under review, the shopper is not asked to pay again.
    await assert.rejects(() => service.retryPayment(order, 'test_card', SYSTEM_ACTOR))
  })

  test('an admin accepts a payment held for review and the order is paid once', async ({
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    stripe.state.intents.get(payment.providerReference!)!.amount = order.grandTotal - 1000
    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
    const service = await app.container.make(PaymentService)
    await service.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)

    const accepted = await Promise.all([
      service.acceptReview(await Payment.findOrFail(payment.id), SYSTEM_ACTOR),
      service.acceptReview(await Payment.findOrFail(payment.id), SYSTEM_ACTOR),
    ])

    assert.deepEqual(
      accepted.map((row) => row.status),
      [PaymentStatus.Captured, PaymentStatus.Captured]
    )
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.deepEqual(await actions('payment.accepted', 'order.paid'), [
      'payment.accepted',
      'order.paid',
    ])
  })

  test('a failed attempt is closed at the provider, and money arriving later is held', async ({
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    const service = await app.container.make(PaymentService)
    const reference = payment.providerReference!

    // The shopper comes back after failing 3-D Secure: the attempt fails and
    // its PaymentIntent is canceled at Stripe, so an old tab cannot pay it.
    await service.settle(
      payment,
      {
        status: 'declined',
        code: 'authentication_failed',
        reason: '3DS failed',
        providerReference: reference,
      },
      SYSTEM_ACTOR
    )
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(stripe.state.intents.get(reference)!.status, 'canceled')

    // A provider that took the money anyway: held for an admin, order not paid.
    const late = {
      status: 'captured' as const,
      providerReference: reference,
      amount: payment.amount,
      currency: payment.currency,
    }
    await service.settle(await Payment.findOrFail(payment.id), late, SYSTEM_ACTOR)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Review)
    assert.equal(payment.failureCode, 'late_capture')
    assert.equal(payment.capturedAmount, order.grandTotal)
    assert.equal(order.status, OrderStatus.PendingPayment)
  })

  test('a charge whose answer was lost is found by its attempt id when Stripe reports it', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    const manager = await app.container.make(PaymentManager)
    const adapter = manager.use('stripe')
    const saved = await adapter.savePaymentMethod!({
      idempotencyKey: 'save-lost',
      customer: { email: order.email },
      params: { paymentMethod: 'pm_card_visa' },
    })
    // A one-click charge went through at Stripe, but the answer never reached
    // us: the attempt has no Stripe id and was failed as "provider unavailable".
    await payment.merge({ providerReference: null }).save()
    const charged = await adapter.chargeSavedMethod!({
      attemptId: payment.attemptId,
      idempotencyKey: `${payment.attemptId}:charge_saved`,
      orderNumber: order.number,
      amount: payment.amount,
      currency: payment.currency,
      description: `Order ${order.number}`,
      customer: { email: order.email },
      capture: 'automatic',
      expiresAt: new Date(Date.now() + 60_000),
      ...saved,
    })
    assert.equal(charged.status, 'captured')
    const service = await app.container.make(PaymentService)
    const unavailable = {
      status: 'declined' as const,
      code: 'provider_unavailable',
      reason: 'timeout',
    }
    await service.settle(payment, unavailable, SYSTEM_ACTOR)

    const response = await deliverStripeEvent(
      client,
      stripe.signedEvent(
        'payment_intent.succeeded',
        (charged as { providerReference: string }).providerReference
      )
    )

    response.assertStatus(200)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Review)
    assert.equal(payment.failureCode, 'late_capture')
    assert.equal(order.status, OrderStatus.PendingPayment)
  })
})
