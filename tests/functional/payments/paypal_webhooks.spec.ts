import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import { PaymentManager } from '#payments/payment_manager'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SYSTEM_ACTOR } from '#audit/actor'
import { CheckoutService } from '#services/checkout/checkout_service'
import { PaymentService } from '#services/payments/payment_service'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import type { PayPalDelivery } from '#tests/fixtures/servers/paypal_webhooks'
import { koreanAddress } from '#tests/helpers/commerce'
import {
  SHOP_URL,
  deliverWebhook,
  dollarListing,
  localPayPal,
  useDollarStore,
  useLocalProviders,
} from '#tests/helpers/payments'
import { cartWith } from '#tests/helpers/shop'

const paypal = await new PayPalServer().start()

/** A guest's order of a USD listing ($205.00), placed with PayPal and waiting for the buyer. */
async function placedOrder() {
  const { variant } = await dollarListing()
  const cart = await cartWith([{ variantId: variant.id, quantity: 2 }])
  const checkout = await app.container.make(CheckoutService)
  return checkout.place(
    {
      cartId: cart.id,
      email: 'guest@example.com',
      shippingAddress: { ...koreanAddress(), city: null, region: null },
      paymentMethod: 'paypal',
      user: null,
      locale: 'en',
    },
    { ...SYSTEM_ACTOR, role: 'customer' }
  )
}

/**
 * The buyer approved and Jangteo captured the order at PayPal, but the
 * process died before it recorded the capture: only the webhook is left.
 */
async function capturedAtPayPal() {
  const placed = await placedOrder()
  const { payment } = placed
  const params = Object.fromEntries(
    new URL(paypal.approveAsBuyer(payment.providerReference!)).searchParams
  )
  const manager = await app.container.make(PaymentManager)
  await manager.use('paypal').confirm({
    attemptId: payment.attemptId,
    idempotencyKey: `${payment.attemptId}:confirm`,
    providerReference: payment.providerReference!,
    amount: payment.amount,
    currency: payment.currency,
    capture: 'automatic',
    params,
  })
  return { ...placed, params }
}

function deliver(client: ApiClient, delivery: PayPalDelivery) {
  return deliverWebhook(client, 'paypal', delivery.rawBody, delivery.headers)
}

/*
 * PayPal webhooks through POST /webhooks/paypal against a local PayPal that
 * signs deliveries (SHA256withRSA over id|time|webhook id|CRC32) and verifies
 * them at verify-webhook-signature. These tests commit for real and deliver
 * in parallel, so they truncate the tables instead of rolling back.
 */
test.group('Payments | PayPal webhooks', (group) => {
  // PayPal wants absolute return URLs, and does not take KRW: this shop sells in US dollars.
  useDollarStore(group)
  useLocalProviders(group, {
    servers: [paypal],
    adapters: { paypal: localPayPal(paypal) },
    appUrl: SHOP_URL,
  })
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the same capture event delivered three times at once pays the order once', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await capturedAtPayPal()
    const delivery = paypal.signedDelivery('PAYMENT.CAPTURE.COMPLETED', payment.providerReference!)

    const responses = await Promise.all([1, 2, 3].map(() => deliver(client, delivery)))

    assert.deepEqual(
      responses.map((response) => response.status()),
      [200, 200, 200]
    )
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.deepEqual([payment.capturedAmount, payment.currency], [20_500, 'USD'])
    assert.lengthOf(await PaymentWebhookEvent.all(), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
    assert.lengthOf(paypal.orders.get(payment.providerReference!)!.captures, 1)
  })

  test('the return URL and the webhook racing record one capture', async ({ client, assert }) => {
    const { order, payment, params } = await capturedAtPayPal()
    const delivery = paypal.signedDelivery('PAYMENT.CAPTURE.COMPLETED', payment.providerReference!)
    const payments = await app.container.make(PaymentService)

    await Promise.all([
      deliver(client, delivery),
      payments.confirm(await Payment.findOrFail(payment.id), params, SYSTEM_ACTOR),
    ])

    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
    assert.lengthOf(paypal.orders.get(payment.providerReference!)!.captures, 1)
  })

  test('a buyer who approves and never comes back is captured by the APPROVED event', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await placedOrder()
    const back = new URL(paypal.approveAsBuyer(payment.providerReference!))
    const delivery = paypal.signedDelivery('CHECKOUT.ORDER.APPROVED', payment.providerReference!)
    const payments = await app.container.make(PaymentService)

    // The webhook and, at the same moment, the buyer's late return.
    const [response] = await Promise.all([
      deliver(client, delivery),
      payments.confirm(
        await Payment.findOrFail(payment.id),
        Object.fromEntries(back.searchParams),
        SYSTEM_ACTOR
      ),
    ])

    response.assertStatus(200)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
    assert.lengthOf(paypal.orders.get(payment.providerReference!)!.captures, 1)
  })

  test('a return that finds the capture still in flight leaves the attempt open', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await placedOrder()
    const back = new URL(paypal.approveAsBuyer(payment.providerReference!))
    const payments = await app.container.make(PaymentService)

    // The APPROVED webhook's capture is still running when the buyer comes back.
    paypal.inFlightNext()
    await payments.confirm(payment, Object.fromEntries(back.searchParams), SYSTEM_ACTOR)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)

    const delivery = paypal.signedDelivery('CHECKOUT.ORDER.APPROVED', payment.providerReference!)
    const response = await deliver(client, delivery)
    response.assertStatus(200)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.Paid)
    assert.lengthOf(paypal.orders.get(payment.providerReference!)!.captures, 1)
  })

  test('the APPROVED event alone captures the order', async ({ client, assert }) => {
    const { order, payment } = await placedOrder()
    paypal.approveAsBuyer(payment.providerReference!)
    const delivery = paypal.signedDelivery('CHECKOUT.ORDER.APPROVED', payment.providerReference!)

    const response = await deliver(client, delivery)

    response.assertStatus(200)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.lengthOf(paypal.orders.get(payment.providerReference!)!.captures, 1)
  })

  test('a bad signature or a tampered body is refused with 400 and changes nothing', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await capturedAtPayPal()
    const delivery = paypal.signedDelivery('PAYMENT.CAPTURE.COMPLETED', payment.providerReference!)
    const other = paypal.signedDelivery('PAYMENT.CAPTURE.COMPLETED', payment.providerReference!)

    const forged = await deliver(client, {
      ...delivery,
      headers: {
        ...delivery.headers,
        'paypal-transmission-sig': other.headers['paypal-transmission-sig'],
      },
    })
    forged.assertStatus(400)
    const tampered = await deliver(client, {
      ...delivery,
      rawBody: delivery.rawBody.replace('"value":"205.00"', '"value":"2.05"'),
    })
    tampered.assertStatus(400)
    const elsewhere = await deliver(client, {
      ...delivery,
      headers: { ...delivery.headers, 'paypal-cert-url': 'https://attacker.example/cert.pem' },
    })
    elsewhere.assertStatus(400)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.lengthOf(await PaymentWebhookEvent.all(), 0)
  })

  test('a delivery sent outside the time tolerance is refused with 400', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await capturedAtPayPal()
    const reference = payment.providerReference!
    const hourAgo = new Date(Date.now() - 3_600_000)
    const inAnHour = new Date(Date.now() + 3_600_000)

    const stale = await deliver(
      client,
      paypal.signedDelivery('PAYMENT.CAPTURE.COMPLETED', reference, { time: hourAgo })
    )
    stale.assertStatus(400)
    const early = await deliver(
      client,
      paypal.signedDelivery('PAYMENT.CAPTURE.COMPLETED', reference, { time: inAnHour })
    )
    early.assertStatus(400)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.lengthOf(await PaymentWebhookEvent.all(), 0)
  })
})
