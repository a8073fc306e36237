import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import Payment from '#models/payment'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import { customerWithProduct, emptyDatabase, serverUrl, toCheckout } from '#tests/helpers/browser'
import { localKakaoPay, useLocalProviders } from '#tests/helpers/payments'

const kakaopay = await new KakaoPayServer('DEV_SECRET_KEY_browser').start()

/** A signed-in customer at the checkout with one product (15,000 + 3,000 shipping). */
async function atCheckout(browserContext: { newPage(): Promise<Page> }) {
  const { page, slug } = await customerWithProduct(browserContext)
  await toCheckout(page, slug)
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
  useLocalProviders(group, {
    servers: [kakaopay],
    adapters: { kakaopay: localKakaoPay(kakaopay) },
    appUrl: serverUrl(),
    // The checkout's POST redirects to Kakao's page: the CSP's form-action must allow it.
    pageOrigins: { forms: [kakaopay.url] },
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
