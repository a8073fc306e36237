import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import Order from '#models/order'
import Payment from '#models/payment'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import { paypalAdapter } from '#payments/adapters/paypal_adapter'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingConfig } from '#shipping/define_config'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'
import { cartWith, guestSession } from '#tests/helpers/shop'

const SHOP_URL = 'http://127.0.0.1:3334'

/** The path of an absolute URL the provider redirects the shopper to. */
function pathOf(url: string) {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/** Where a link or button on PayPal's page sends the buyer (a 302 from the local PayPal). */
async function followOnPayPal(url: string, method = 'GET') {
  const response = await fetch(url, { method, redirect: 'manual' })
  return response.headers.get('location')!
}

/**
 * A guest checks out a USD listing (two at $100.00, $5.00 shipping) with
 * PayPal through the checkout form, as the browser does.
 */
async function checkoutWithPayPal(client: ApiClient) {
  const { variant, seller, product } = await createListing({ price: 10_000, stock: 5 })
  await product.merge({ currency: 'USD' }).save()
  await setPolicy(seller, 'domestic', 'flat', { amount: 500 })
  const cart = await cartWith([{ variantId: variant.id, quantity: 2 }])
  const response = await client
    .post('/checkout')
    .header('referer', '/checkout')
    .unsafeForm(
      encodeForm({
        email: 'guest@example.com',
        shippingAddress: koreanAddress(),
        paymentMethod: 'paypal',
        cartVersion: cart.version,
        intent: 'place',
      })
    )
    .withSession(guestSession(cart.id))
    .withCsrfToken()
    .redirects(0)
  response.assertStatus(302)
  const order = await Order.firstOrFail()
  const payment = await Payment.findByOrFail('orderId', order.id)
  const session = { shop: { orderKeys: response.session('shop.orderKeys') } }
  return { order, payment, session, location: response.header('location')! }
}

/*
 * The storefront's side of PayPal against a local PayPal: checkout, the
 * buyer's approval page, and the return URL that captures the order.
 * PayPal does not take KRW, so this shop sells in US dollars.
 */
test.group('Web | paying with PayPal', (group) => {
  const server = new PayPalServer()

  group.setup(async () => {
    await server.start()
    const payments = config.get<PaymentsConfig>('payments')
    const shipping = config.get<ShippingConfig>('shipping')
    const saved = ['app.appUrl', 'store.currency'].map((key) => [key, config.get(key)] as const)
    config.set('app.appUrl', SHOP_URL)
    config.set('store.currency', 'USD')
    app.container.swap(
      ShippingRegistry,
      () => new ShippingRegistry({ ...shipping, currency: 'USD' })
    )
    app.container.swap(PaymentManager, () => {
      const paypal = paypalAdapter({
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        webhookId: server.webhookId,
        apiUrl: server.url,
        currency: 'USD',
      })
      return new PaymentManager({ ...payments, adapters: { ...payments.adapters, paypal } })
    })
    return async () => {
      app.container.restore(PaymentManager)
      app.container.restore(ShippingRegistry)
      for (const [key, value] of saved) config.set(key, value)
      await server.close()
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the buyer approves on PayPal’s page and comes back to a paid order', async ({
    client,
    assert,
  }) => {
    const { order, payment, session, location } = await checkoutWithPayPal(client)
    const orderId = payment.providerReference!
    assert.deepEqual([order.currency, order.grandTotal], ['USD', 20_500])
    assert.equal(location, `${server.url}/checkoutnow?token=${orderId}`)

    const page = await fetch(location)
    assert.include(await page.text(), 'Pay 205.00 USD with PayPal')
    const back = await followOnPayPal(`${server.url}/checkoutnow/approve?token=${orderId}`, 'POST')
    assert.match(
      back,
      new RegExp(`^${SHOP_URL}/payments/${payment.attemptId}/return\\?token=${orderId}&PayerID=`)
    )
    const response = await client.get(pathOf(back)).withSession(session).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.deepEqual([payment.capturedAmount, payment.currency], [20_500, 'USD'])
    assert.equal(order.status, OrderStatus.Paid)

    // Coming back again (reload, back button) captures nothing more.
    await client.get(pathOf(back)).withSession(session).redirects(0)
    assert.lengthOf(server.orders.get(orderId)!.captures, 1)
  })

  test('a buyer who cancels on PayPal lands on the order, still to be paid', async ({
    client,
    assert,
  }) => {
    const { order, payment, session } = await checkoutWithPayPal(client)
    const orderId = payment.providerReference!
    const back = await followOnPayPal(`${server.url}/checkoutnow/cancel?token=${orderId}`)
    assert.equal(back, `${SHOP_URL}/orders/${order.number}?token=${orderId}`)

    const response = await client.get(pathOf(back)).withSession(session)
    response.assertStatus(200)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(server.orders.get(orderId)!.status, 'PAYER_ACTION_REQUIRED')
    assert.lengthOf(server.orders.get(orderId)!.captures, 0)
  })

  test('a funding source PayPal declines fails the attempt', async ({ client, assert }) => {
    const { order, payment, session } = await checkoutWithPayPal(client)
    const back = server.approveAsBuyer(payment.providerReference!, { declines: true })
    await client.get(pathOf(back)).withSession(session).redirects(0)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(payment.failureCode, 'INSTRUMENT_DECLINED')
    assert.equal(order.status, OrderStatus.PendingPayment)
  })

  test('someone else cannot confirm the attempt through its return URL', async ({
    client,
    assert,
  }) => {
    const { payment } = await checkoutWithPayPal(client)
    const back = server.approveAsBuyer(payment.providerReference!)
    const response = await client.get(pathOf(back)).redirects(0)
    response.assertStatus(404)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.lengthOf(server.orders.get(payment.providerReference!)!.captures, 0)
  })
})
