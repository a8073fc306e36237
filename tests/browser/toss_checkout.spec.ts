import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import SavedPaymentMethod from '#models/saved_payment_method'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { TossServer } from '#tests/fixtures/servers/toss_server'
import {
  customerWithProduct,
  emptyDatabase,
  productForSale,
  serverUrl,
  toCheckout,
} from '#tests/helpers/browser'
import { localToss, useLocalProviders } from '#tests/helpers/payments'

const SECRET_KEY = 'test_sk_browser_toss_0123456789'
const CLIENT_KEY = 'test_ck_browser_toss_0123456789'

const toss = await new TossServer(SECRET_KEY, CLIENT_KEY).start()

/*
 * Paying with Toss Payments in Chromium: the shop's page loads the SDK from
 * a local Toss, which opens its window; the tester pays there and Toss sends
 * the browser back to the shop.
 */
test.group('Toss Payments | in the browser', (group) => {
  useLocalProviders(group, {
    servers: [toss],
    adapters: { toss: localToss(toss) },
    appUrl: serverUrl(),
    pageOrigins: { scripts: [toss.url] },
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
    const slug = await productForSale()
    const page = await browserContext.newPage()

    await toCheckout(page, slug)
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
    const { page, user, slug } = await customerWithProduct(browserContext)

    await toCheckout(page, slug)
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
    await toCheckout(page, slug)
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
