import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import {
  NAVERPAY_FIXTURE_KEYS,
  NaverPayFixtureServer,
} from '#tests/fixtures/servers/naverpay_server'
import {
  SHOP_URL,
  localNaverPay,
  pathOf,
  redirectUrl,
  sdkRequest,
  useLocalProviders,
} from '#tests/helpers/payments'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const server = await new NaverPayFixtureServer().start()

/*
 * The storefront's side of NaverPay against a local NaverPay: the page that
 * loads the JS SDK, the window, and the return URL that approves.
 */
test.group('Web | paying with NaverPay', (group) => {
  useLocalProviders(group, {
    servers: [server],
    adapters: { naverpay: localNaverPay(server) },
    appUrl: SHOP_URL,
    pageOrigins: { scripts: [server.url] },
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
    const url = redirectUrl(payment)
    assert.isTrue(url.startsWith(`/payments/naverpay/${payment.attemptId}?`))

    const response = await client.get(url).withSession(holdingKey(order.number, accessKey))
    response.assertStatus(200)
    response.assertTextIncludes(
      `<script src="${server.url}/sdk/js/naverpay.min.js" defer></script>`
    )
    response.assertTextIncludes('₩23,000')
    assert.notInclude(response.text(), NAVERPAY_FIXTURE_KEYS.clientSecret)
    assert.deepEqual(sdkRequest(response.text(), 'data-naverpay'), {
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
    const back = await server.windowReturn(redirectUrl(payment), 'approve')
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
    const page = await client.get(redirectUrl(payment)).withSession(session).redirects(0)
    page.assertHeader('location', `/orders/${order.number}`)
    assert.equal(server.paymentFor(payment.attemptId)!.approvals, 1)
  })

  test('a cancel in the window fails the attempt and the shopper can pay again', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'naverpay' })
    const back = await server.windowReturn(redirectUrl(payment), 'cancel')
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
    const back = await server.windowReturn(redirectUrl(payment), 'approve', tamper)
    await client.get(pathOf(back)).withSession(holdingKey(order.number, accessKey)).redirects(0)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.notEqual(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.PendingPayment)
  })
})
