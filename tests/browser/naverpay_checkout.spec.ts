import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { NaverPayFixtureServer } from '#tests/fixtures/servers/naverpay_server'
import { emptyDatabase, fillSeoulAddress, productForSale, serverUrl } from '#tests/helpers/browser'
import { localNaverPay, useLocalProviders } from '#tests/helpers/payments'

const server = await new NaverPayFixtureServer().start()

/*
 * Paying with NaverPay in Chromium: the shop's page loads the JS SDK from a
 * local NaverPay, which opens its window; the tester approves or cancels
 * there and NaverPay sends the browser back to the shop.
 */
test.group('NaverPay | in the browser', (group) => {
  useLocalProviders(group, {
    servers: [server],
    adapters: { naverpay: localNaverPay(server) },
    appUrl: serverUrl(),
    pageOrigins: { scripts: [server.url] },
  })
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a guest cancels in the NaverPay window, pays again and sees the order paid', async ({
    browserContext,
    assert,
  }) => {
    const slug = await productForSale()
    const page = await browserContext.newPage()

    await page.goto(`/products/${slug}`)
    await page.getByLabel('수량').fill('2')
    await page.getByRole('button', { name: '장바구니 담기' }).click()
    await page.getByRole('button', { name: '주문하기', exact: true }).click()
    await page.assertPath('/checkout')
    await page.getByLabel('이메일').fill('guest@example.com')
    await fillSeoulAddress(page)
    await page.getByLabel('네이버페이').check()
    await page.getByRole('button', { name: '₩33,000 주문하기' }).click()
    await page.assertPathContains('/payments/naverpay/')
    await page.assertText('[data-test="amount"]', '₩33,000')

    // A cancel in the window fails that attempt; the order page offers to pay again.
    await page.getByRole('button', { name: '네이버페이로 ₩33,000 결제하기' }).click()
    await page.waitForURL(`${server.url}/window?**`)
    await page.assertTextContains('[data-test="naverpay-amount"]', '33000원')
    await page.getByRole('button', { name: '결제 취소' }).click()
    await page.assertPathContains('/orders/')
    await page.assertText('[data-test="payment-status"]', '결제 실패')

    await page.assertInputValue(page.getByLabel('결제 수단'), 'naverpay')
    await page.getByRole('button', { name: '다시 결제하기' }).click()
    await page.assertPathContains('/payments/naverpay/')
    await page.getByRole('button', { name: '네이버페이로 ₩33,000 결제하기' }).click()
    await page.waitForURL(`${server.url}/window?**`)
    await page.getByRole('button', { name: '네이버페이로 결제하기' }).click()

    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    await page.assertText('[data-test="order-status"]', '결제 완료')
    const order = await Order.firstOrFail()
    assert.equal(order.status, OrderStatus.Paid)
    const payments = await order.related('payments').query().orderBy('id')
    assert.equal(server.paymentFor(payments.at(-1)!.attemptId)?.approvals, 1)
  })
})
