import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import { QueueManager } from '@adonisjs/queue'
import env from '#start/env'
import Order from '#models/order'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import { naverPayAdapter } from '#payments/adapters/naverpay_adapter'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import {
  NAVERPAY_FIXTURE_KEYS,
  NaverPayFixtureServer,
} from '#tests/fixtures/servers/naverpay_server'
import { emptyDatabase } from '#tests/helpers/browser'
import { createListing, setPolicy } from '#tests/helpers/commerce'

/*
 * Paying with NaverPay in Chromium: the shop's page loads the JS SDK from a
 * local NaverPay, which opens its window; the tester approves or cancels
 * there and NaverPay sends the browser back to the shop.
 */
test.group('NaverPay | in the browser', (group) => {
  const server = new NaverPayFixtureServer()

  group.setup(async () => {
    await server.start()
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    const origins = config.get<PageOrigins>('payments.pageOrigins')
    config.set('app.appUrl', `http://${env.get('HOST')}:${env.get('PORT')}`)
    config.set('payments.pageOrigins', { scripts: [server.url], frames: [], connects: [] })
    app.container.swap(PaymentManager, () => {
      return new PaymentManager({
        ...payments,
        adapters: {
          ...payments.adapters,
          naverpay: naverPayAdapter({
            ...NAVERPAY_FIXTURE_KEYS,
            apiUrl: server.url,
            jsUrl: `${server.url}/sdk/js/naverpay.min.js`,
          }),
        },
      })
    })
    return async () => {
      app.container.restore(PaymentManager)
      config.set('app.appUrl', appUrl)
      config.set('payments.pageOrigins', origins)
      await server.close()
    }
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
    const { product, seller } = await createListing({ price: 15_000, stock: 5 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const page = await browserContext.newPage()

    await page.goto(`/products/${product.slug}`)
    await page.getByLabel('수량').fill('2')
    await page.getByRole('button', { name: '장바구니 담기' }).click()
    await page.getByRole('button', { name: '주문하기', exact: true }).click()
    await page.assertPath('/checkout')
    await page.getByLabel('이메일').fill('guest@example.com')
    await page.getByLabel('받는 분').fill('김고객')
    await page.getByLabel('연락처').fill('010-1234-5678')
    await page.getByLabel('우편번호').fill('06236')
    await page.getByLabel('주소 (한국은 도로명 주소)').fill('서울특별시 강남구 테헤란로 152')
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
