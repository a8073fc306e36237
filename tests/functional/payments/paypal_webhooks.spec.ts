import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import { paypalAdapter } from '#payments/adapters/paypal_adapter'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingConfig } from '#shipping/define_config'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SYSTEM_ACTOR } from '#audit/actor'
import { CheckoutService } from '#services/checkout/checkout_service'
import { PaymentService } from '#services/payments/payment_service'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import type { PayPalDelivery } from '#tests/fixtures/servers/paypal_webhooks'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'
import { cartWith } from '#tests/helpers/shop'

const paypal = await new PayPalServer().start()

/** A guest's order of a USD listing ($205.00), placed with PayPal and waiting for the buyer. */
async function placedOrder() {
  const { variant, seller, product } = await createListing({ price: 10_000, stock: 5 })
  await product.merge({ currency: 'USD' }).save()
  await setPolicy(seller, 'domestic', 'flat', { amount: 500 })
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
  return client
    .post('/webhooks/paypal')
    .headers(delivery.headers)
    .type('application/json')
    .unsafeJson(delivery.rawBody)
}

/*
 * PayPal webhooks through POST /webhooks/paypal against a local PayPal that
 * signs deliveries (SHA256withRSA over id|time|webhook id|CRC32) and verifies
 * them at verify-webhook-signature. These tests commit for real and deliver
 * in parallel, so they truncate the tables instead of rolling back.
 */
test.group('Payments | PayPal webhooks', (group) => {
  group.setup(() => {
    const payments = config.get<PaymentsConfig>('payments')
    const shipping = config.get<ShippingConfig>('shipping')
    const saved = ['app.appUrl', 'store.currency'].map((key) => [key, config.get(key)] as const)
    // PayPal wants absolute return URLs, and does not take KRW: this shop sells in US dollars.
    config.set('app.appUrl', 'http://127.0.0.1:3334')
    config.set('store.currency', 'USD')
    app.container.swap(
      ShippingRegistry,
      () => new ShippingRegistry({ ...shipping, currency: 'USD' })
    )
    app.container.swap(PaymentManager, () => {
      const adapter = paypalAdapter({
        clientId: paypal.clientId,
        clientSecret: paypal.clientSecret,
        webhookId: paypal.webhookId,
        apiUrl: paypal.url,
        currency: 'USD',
      })
      return new PaymentManager({
        ...payments,
        adapters: { ...payments.adapters, paypal: adapter },
      })
    })
    return async () => {
      app.container.restore(PaymentManager)
      app.container.restore(ShippingRegistry)
      for (const [key, value] of saved) config.set(key, value)
      await paypal.close()
    }
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
