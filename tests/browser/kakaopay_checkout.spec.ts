import { test } from '@japa/runner'
import type { Page } from 'playwright'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import env from '#start/env'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/index'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import { kakaopayAdapter } from '#payments/adapters/kakaopay_adapter'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import { emptyDatabase, logIn } from '#tests/helpers/browser'
import { createListing, setPolicy } from '#tests/helpers/commerce'

/** A signed-in customer at the checkout with one product (15,000 + 3,000 shipping). */
async function atCheckout(browserContext: { newPage(): Promise<Page> }) {
  const { product, seller } = await createListing({ price: 15_000, stock: 5 })
  await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
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
  await page.getByLabel('카카오페이').check()
  await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
  await page.waitForURL(/\/mockup\/v1\//)
  return page
}

/*
 * Paying with KakaoPay in Chromium: the checkout sends the shopper to
 * Kakao's payment page (the local KakaoPay server's), which sends them back
 * to the shop's return URL with a pg_token; the shop approves server-side.
 */
test.group('KakaoPay checkout | in the browser', (group) => {
  const kakaopay = new KakaoPayServer('DEV_SECRET_KEY_browser')

  group.setup(async () => {
    await kakaopay.start()
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    const origins = config.get<PageOrigins>('payments.pageOrigins')
    // The checkout's POST redirects to Kakao's page: the CSP's form-action must allow it.
    config.set('payments.pageOrigins', { ...origins, forms: [kakaopay.url] })
    config.set('app.appUrl', `http://${env.get('HOST')}:${env.get('PORT')}`)
    app.container.swap(PaymentManager, () => {
      return new PaymentManager({
        ...payments,
        adapters: {
          ...payments.adapters,
          kakaopay: kakaopayAdapter({
            secretKey: kakaopay.secretKey,
            cid: 'TC0ONETIME',
            apiUrl: kakaopay.url,
          }),
        },
      })
    })
    return async () => {
      app.container.restore(PaymentManager)
      config.set('app.appUrl', appUrl)
      config.set('payments.pageOrigins', origins)
      await kakaopay.close()
    }
  })
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a customer pays on Kakao’s page and comes back to a paid order', async ({
    browserContext,
    assert,
  }) => {
    const page = await atCheckout(browserContext)
    await page.assertText('[data-test="amount"]', '18000원')
    await page.getByRole('button', { name: '결제하기' }).click()

    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    const order = await Order.firstOrFail()
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(kakaopay.approveCalls, 1)
  })

  test('a refusal on Kakao’s page leaves the order waiting for payment', async ({
    browserContext,
    assert,
  }) => {
    const page = await atCheckout(browserContext)
    await page.getByRole('button', { name: '결제 실패' }).click()
    await page.assertPathContains('/orders/')
    const order = await Order.firstOrFail()
    assert.equal(order.status, OrderStatus.PendingPayment)
    const failed = await Payment.query().where('orderId', order.id)
    assert.deepEqual(
      failed.map((payment) => payment.status),
      [PaymentStatus.Failed]
    )
  })
})
