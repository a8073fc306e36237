import { test } from '@japa/runner'
import type { Page } from 'playwright'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import { QueueManager } from '@adonisjs/queue'
import env from '#start/env'
import Order from '#models/order'
import SavedPaymentMethod from '#models/saved_payment_method'
import { UserFactory } from '#database/factories/index'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import { tossAdapter } from '#payments/adapters/toss_adapter'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { TossServer } from '#tests/fixtures/servers/toss_server'
import { emptyDatabase, logIn } from '#tests/helpers/browser'
import { createListing, setPolicy } from '#tests/helpers/commerce'

const SECRET_KEY = 'test_sk_browser_toss_0123456789'
const CLIENT_KEY = 'test_ck_browser_toss_0123456789'

/** Puts the product in the cart and fills the checkout's Seoul address. */
async function toCheckout(page: Page, slug: string) {
  await page.goto(`/products/${slug}`)
  await page.getByRole('button', { name: '장바구니 담기' }).click()
  await page.assertPath('/cart')
  await page.getByRole('button', { name: '주문하기', exact: true }).click()
  await page.assertPath('/checkout')
  await page.getByLabel('받는 분').fill('김고객')
  await page.getByLabel('연락처').fill('010-1234-5678')
  await page.getByLabel('우편번호').fill('06236')
  await page.getByLabel('주소 (한국은 도로명 주소)').fill('서울특별시 강남구 테헤란로 152')
}

/*
 * Paying with Toss Payments in Chromium: the shop's page loads the SDK from
 * a local Toss, which opens its window; the tester pays there and Toss sends
 * the browser back to the shop.
 */
test.group('Toss Payments | in the browser', (group) => {
  const toss = new TossServer(SECRET_KEY, CLIENT_KEY)

  group.setup(async () => {
    await toss.start()
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    const origins = config.get<PageOrigins>('payments.pageOrigins')
    config.set('app.appUrl', `http://${env.get('HOST')}:${env.get('PORT')}`)
    config.set('payments.pageOrigins', { scripts: [toss.url], frames: [], connects: [] })
    app.container.swap(PaymentManager, () => {
      return new PaymentManager({
        ...payments,
        adapters: {
          ...payments.adapters,
          toss: tossAdapter({
            clientKey: CLIENT_KEY,
            secretKey: SECRET_KEY,
            apiUrl: toss.url,
            jsUrl: `${toss.url}/v2/standard`,
          }),
        },
      })
    })
    return async () => {
      app.container.restore(PaymentManager)
      config.set('app.appUrl', appUrl)
      config.set('payments.pageOrigins', origins)
      await toss.close()
    }
  })
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a guest pays in the Toss window, closing it once, and sees the order paid', async ({
    browserContext,
    assert,
  }) => {
    const { product, seller } = await createListing({ price: 15_000, stock: 5 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const page = await browserContext.newPage()

    await toCheckout(page, product.slug)
    await page.getByLabel('이메일').fill('guest@example.com')
    await page.getByLabel('토스페이먼츠').check()
    await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
    await page.assertPathContains('/payments/toss/')
    await page.assertText('[data-test="amount"]', '₩18,000')

    // The shopper closes the window: back on the page with Toss's message, and tries again.
    await page.getByRole('button', { name: '₩18,000 결제하기' }).click()
    await page.waitForURL(`${toss.url}/window?**`)
    await page.getByRole('button', { name: '닫기' }).click()
    await page.assertPathContains('/payments/toss/')
    await page.assertTextContains(
      '[data-test="toss-failure"]',
      '사용자에 의해 결제가 취소되었습니다.'
    )
    await page.getByRole('button', { name: '₩18,000 다시 결제하기' }).click()
    await page.waitForURL(`${toss.url}/window?**`)
    await page.assertTextContains('[data-test="toss-amount"]', '18000원')
    await page.getByRole('button', { name: '결제하기' }).click()

    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    await page.assertText('[data-test="order-status"]', '결제 완료')
    const order = await Order.firstOrFail()
    assert.equal(order.status, OrderStatus.Paid)
    const payment = await order.related('payments').query().firstOrFail()
    assert.equal(toss.paymentFor(payment.attemptId)?.status, 'DONE')
  })

  test('a customer keeps the card with Toss, then buys again in one click', async ({
    browserContext,
    assert,
  }) => {
    const { product, seller } = await createListing({ price: 15_000, stock: 5 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const user = await UserFactory.create()
    const page = await browserContext.newPage()
    await logIn(page, user.email)

    await toCheckout(page, product.slug)
    await page.getByLabel('토스페이먼츠').check()
    await page.getByLabel('다음 결제를 위해 이 결제수단 저장').check()
    await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
    await page.assertPathContains('/payments/toss/')
    await page.assertExists('[data-test="toss-saving"]')
    await page.getByRole('button', { name: '₩18,000 결제하기' }).click()
    await page.waitForURL(`${toss.url}/window?**`)
    await page.getByRole('button', { name: '카드 등록하기' }).click()
    await page.assertPathContains('/orders/')
    await page.assertText('[data-test="order-status"]', '결제 완료')
    const saved = await SavedPaymentMethod.query().where('userId', user.id).firstOrFail()
    assert.equal(saved.adapter, 'toss')

    // Next time the kept card pays at once: no Toss page, no window.
    await toCheckout(page, product.slug)
    await page.getByLabel(/•••• 1234/).check()
    await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    const orders = await Order.query().orderBy('id')
    assert.deepEqual(
      orders.map((order) => order.status),
      [OrderStatus.Paid, OrderStatus.Paid]
    )
    for (const order of orders) {
      const payment = await order.related('payments').query().firstOrFail()
      assert.equal(toss.paymentFor(payment.attemptId)?.status, 'DONE')
    }
  })
})
