import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import Order from '#models/order'
import Payment from '#models/payment'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import {
  SHOP_URL,
  dollarListing,
  localPayPal,
  pathOf,
  useDollarStore,
  useLocalProviders,
} from '#tests/helpers/payments'
import { cartWith, postCheckout } from '#tests/helpers/shop'

const server = await new PayPalServer().start()

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
  const { variant } = await dollarListing()
  const cart = await cartWith([{ variantId: variant.id, quantity: 2 }])
  const response = await postCheckout(client, cart, null, { paymentMethod: 'paypal' })
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
  useDollarStore(group)
  useLocalProviders(group, {
    servers: [server],
    adapters: { paypal: localPayPal(server) },
    appUrl: SHOP_URL,
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
