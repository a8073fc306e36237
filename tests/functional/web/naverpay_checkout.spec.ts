import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type Payment from '#models/payment'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import { naverPayAdapter } from '#payments/adapters/naverpay_adapter'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import {
  NAVERPAY_FIXTURE_KEYS,
  NaverPayFixtureServer,
} from '#tests/fixtures/servers/naverpay_server'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const SHOP_URL = 'http://127.0.0.1:3334'

/** The path of an absolute URL the provider redirects the shopper to. */
function pathOf(url: string) {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/** Where the checkout sent the shopper (the NaverPay page, with what oPay.open needs). */
function pageUrl(payment: Payment) {
  if (payment.nextAction?.type !== 'redirect') throw new Error('NaverPay starts with a redirect')
  return payment.nextAction.url
}

/** What the page hands the SDK (the data-naverpay attribute). */
function sdkRequest(html: string): Record<string, unknown> {
  const attribute = html.match(/data-naverpay="([^"]*)"/)?.[1] ?? '{}'
  return JSON.parse(attribute.replaceAll('&quot;', '"').replaceAll('&amp;', '&'))
}

/*
 * The storefront's side of NaverPay against a local NaverPay: the page that
 * loads the JS SDK, the window, and the return URL that approves.
 */
test.group('Web | paying with NaverPay', (group) => {
  const server = new NaverPayFixtureServer()

  group.setup(async () => {
    await server.start()
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    const origins = config.get<PageOrigins>('payments.pageOrigins')
    config.set('app.appUrl', SHOP_URL)
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
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the owner sees the page with the merchant keys, the amounts and the SDK the CSP lets in', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'naverpay' })
    const url = pageUrl(payment)
    assert.isTrue(url.startsWith(`/payments/naverpay/${payment.attemptId}?`))

    const response = await client.get(url).withSession(holdingKey(order.number, accessKey))
    response.assertStatus(200)
    response.assertTextIncludes(
      `<script src="${server.url}/sdk/js/naverpay.min.js" defer></script>`
    )
    response.assertTextIncludes('₩23,000')
    assert.notInclude(response.text(), NAVERPAY_FIXTURE_KEYS.clientSecret)
    assert.deepEqual(sdkRequest(response.text()), {
      mode: 'development',
      clientId: NAVERPAY_FIXTURE_KEYS.clientId,
      chainId: NAVERPAY_FIXTURE_KEYS.chainId,
      merchantPayKey: payment.attemptId,
      productName: `Order ${order.number}`,
      productCount: 2,
      totalPayAmount: 23_000,
      taxScopeAmount: 23_000,
      taxExScopeAmount: 0,
      returnUrl: `${SHOP_URL}/payments/${payment.attemptId}/return`,
    })
    const csp = String(response.header('content-security-policy'))
    assert.include(csp, `script-src 'self' ${server.url}`)
  })

  test('anyone but the owner gets 404', async ({ client }) => {
    const { payment } = await placedOrder({ paymentMethod: 'naverpay' })
    const response = await client.get(`/payments/naverpay/${payment.attemptId}`)
    response.assertStatus(404)
  })

  test('the shopper approves in the NaverPay window and the return pays the order once', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'naverpay' })
    const back = await server.windowReturn(pageUrl(payment), 'approve')
    assert.isTrue(back.startsWith(`${SHOP_URL}/payments/${payment.attemptId}/return?`))

    const session = holdingKey(order.number, accessKey)
    const response = await client.get(pathOf(back)).withSession(session).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, 23_000)
    assert.equal(order.status, OrderStatus.Paid)

    await client.get(pathOf(back)).withSession(session).redirects(0)
    const page = await client.get(pageUrl(payment)).withSession(session).redirects(0)
    page.assertHeader('location', `/orders/${order.number}`)
    assert.equal(server.paymentFor(payment.attemptId)!.approvals, 1)
  })

  test('a cancel in the window fails the attempt and the shopper can pay again', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'naverpay' })
    const back = await server.windowReturn(pageUrl(payment), 'cancel')
    const session = holdingKey(order.number, accessKey)
    await client.get(pathOf(back)).withSession(session).redirects(0)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(payment.failureCode, 'UserCancel')
    assert.equal(order.status, OrderStatus.PendingPayment)
    const orderPage = await client.get(`/orders/${order.number}`).withSession(session)
    orderPage.assertTextIncludes('다시 결제하기')
  })

  test('an amount changed in the window is caught: the order is not marked paid', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'naverpay' })
    const tamper = { totalPayAmount: '100', taxScopeAmount: '100' }
    const back = await server.windowReturn(pageUrl(payment), 'approve', tamper)
    await client.get(pathOf(back)).withSession(holdingKey(order.number, accessKey)).redirects(0)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.notEqual(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.PendingPayment)
  })
})
