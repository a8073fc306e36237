import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import { emptyDatabase, serverUrl, signedInCustomer, toCheckout } from '#tests/helpers/browser'
import {
  dollarListing,
  localPayPal,
  useDollarStore,
  useLocalProviders,
} from '#tests/helpers/payments'

const paypal = await new PayPalServer().start()

/*
 * Paying with PayPal in Chromium: the checkout sends the buyer to PayPal's
 * approval page (the local PayPal's), "Pay Now" sends them back to the shop,
 * which captures the order. PayPal does not take KRW, so this shop sells in
 * US dollars.
 */
test.group('PayPal checkout | in the browser', (group) => {
  useDollarStore(group)
  useLocalProviders(group, {
    servers: [paypal],
    adapters: { paypal: localPayPal(paypal) },
    appUrl: serverUrl(),
    // The checkout's POST redirects to PayPal's page: the CSP's form-action must allow it.
    pageOrigins: { forms: [paypal.url] },
  })
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a customer approves on PayPal’s page and comes back to a paid order', async ({
    browserContext,
    assert,
  }) => {
    const { product } = await dollarListing()
    const { page } = await signedInCustomer(browserContext)

    await toCheckout(page, product.slug)
    await page.getByLabel('페이팔 (PayPal)').check()
    await page.getByRole('button', { name: /\$105\.00 주문하기/ }).click()

    await page.waitForURL(/\/checkoutnow/)
    await page.getByRole('button', { name: 'Pay Now' }).click()

    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    const order = await Order.firstOrFail()
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(order.currency, 'USD')
    assert.equal(order.grandTotal, 10_500)
  })
})
