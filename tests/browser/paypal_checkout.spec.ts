import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import env from '#start/env'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import { UserFactory } from '#database/factories/index'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import { paypalAdapter } from '#payments/adapters/paypal_adapter'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingConfig } from '#shipping/define_config'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import { emptyDatabase, logIn } from '#tests/helpers/browser'
import { createListing, setPolicy } from '#tests/helpers/commerce'

/*
 * Paying with PayPal in Chromium: the checkout sends the buyer to PayPal's
 * approval page (the local PayPal's), "Pay Now" sends them back to the shop,
 * which captures the order. PayPal does not take KRW, so this shop sells in
 * US dollars.
 */
test.group('PayPal checkout | in the browser', (group) => {
  const paypal = new PayPalServer()

  group.setup(async () => {
    await paypal.start()
    const payments = config.get<PaymentsConfig>('payments')
    const shipping = config.get<ShippingConfig>('shipping')
    const keys = ['app.appUrl', 'store.currency', 'payments.pageOrigins']
    const saved = keys.map((key) => [key, config.get(key)] as const)
    config.set('app.appUrl', `http://${env.get('HOST')}:${env.get('PORT')}`)
    config.set('store.currency', 'USD')
    // The checkout's POST redirects to PayPal's page: the CSP's form-action must allow it.
    config.set('payments.pageOrigins', {
      ...config.get<PageOrigins>('payments.pageOrigins'),
      forms: [paypal.url],
    })
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
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a customer approves on PayPal’s page and comes back to a paid order', async ({
    browserContext,
    assert,
  }) => {
    const { product, seller } = await createListing({ price: 10_000, stock: 5 })
    await product.merge({ currency: 'USD' }).save()
    await setPolicy(seller, 'domestic', 'flat', { amount: 500 })
    const user = await UserFactory.create()
    const page = await browserContext.newPage()
    await logIn(page, user.email)

    await page.goto(`/products/${product.slug}`)
    await page.getByRole('button', { name: '장바구니 담기' }).click()
    await page.getByRole('button', { name: '주문하기', exact: true }).click()
    await page.assertPath('/checkout')
    await page.getByLabel('받는 분').fill('김고객')
    await page.getByLabel('연락처').fill('010-1234-5678')
    await page.getByLabel('우편번호').fill('06236')
    await page.getByLabel('주소 (한국은 도로명 주소)').fill('서울특별시 강남구 테헤란로 152')
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
