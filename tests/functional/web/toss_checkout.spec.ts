import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import SavedPaymentMethod from '#models/saved_payment_method'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { TossServer } from '#tests/fixtures/servers/toss_server'
import {
  SHOP_URL,
  localToss,
  pathOf,
  redirectUrl,
  sdkRequest,
  useLocalProviders,
} from '#tests/helpers/payments'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const SECRET_KEY = 'test_sk_storefront_toss_0123456789'
const CLIENT_KEY = 'test_ck_storefront_toss_0123456789'

const toss = await new TossServer(SECRET_KEY, CLIENT_KEY).start()

/*
 * The storefront's side of Toss Payments against a local Toss: the checkout
 * page that loads the SDK, the window, and the return URL that confirms.
 */
test.group('Web | paying with Toss Payments', (group) => {
  useLocalProviders(group, {
    servers: [toss],
    adapters: { toss: localToss(toss) },
    appUrl: SHOP_URL,
    pageOrigins: { scripts: [toss.url] },
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the owner sees the page with the client key, the amount and the SDK the CSP lets in', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'toss' })
    const url = redirectUrl(payment)
    assert.isTrue(url.startsWith(`${SHOP_URL}/payments/toss/${payment.attemptId}?`))

    const response = await client.get(pathOf(url)).withSession(holdingKey(order.number, accessKey))
    response.assertStatus(200)
    response.assertTextIncludes(`<script src="${toss.url}/v2/standard" defer></script>`)
    response.assertTextIncludes('₩23,000')
    assert.deepEqual(sdkRequest(response.text(), 'data-toss'), {
      clientKey: CLIENT_KEY,
      customerKey: null,
      flow: 'payment',
      orderId: payment.attemptId,
      orderName: `Order ${order.number}`,
      amount: 23_000,
      successUrl: `${SHOP_URL}/payments/${payment.attemptId}/return`,
      failUrl: `${SHOP_URL}/payments/toss/${payment.attemptId}`,
      customerEmail: 'guest@example.com',
      customerName: order.shippingAddress.name,
    })
    assert.include(
      String(response.header('content-security-policy')),
      `script-src 'self' ${toss.url}`
    )
  })

  test('anyone but the owner gets 404, and so does an attempt of another method', async ({
    client,
  }) => {
    const { payment } = await placedOrder({ paymentMethod: 'toss' })
    const stranger = await client.get(`/payments/toss/${payment.attemptId}`)
    stranger.assertStatus(404)
    const other = await placedOrder({ paymentMethod: 'bank_transfer' })
    const session = holdingKey(other.order.number, other.accessKey)
    const response = await client
      .get(`/payments/toss/${other.payment.attemptId}`)
      .withSession(session)
    response.assertStatus(404)
  })

  test('the shopper pays in the Toss window and the return pays the order once', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'toss' })
    const back = await toss.windowReturn(redirectUrl(payment), 'approve')
    assert.isTrue(back.startsWith(`${SHOP_URL}/payments/${payment.attemptId}/return?paymentKey=`))

    const session = holdingKey(order.number, accessKey)
    const response = await client.get(pathOf(back)).withSession(session).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, 23_000)
    assert.equal(payment.providerReference, payment.attemptId)
    assert.equal(order.status, OrderStatus.Paid)

    // A reload of the return, or of the page, charges nothing again.
    await client.get(pathOf(back)).withSession(session).redirects(0)
    const again = await client
      .get(pathOf(redirectUrl(payment)))
      .withSession(session)
      .redirects(0)
    again.assertHeader('location', `/orders/${order.number}`)
    assert.lengthOf(
      [...toss.payments.values()].filter((p) => p.orderId === payment.attemptId),
      1
    )
  })

  test('closing the window comes back to the page with Toss’s message, and a retry pays', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'toss' })
    const session = holdingKey(order.number, accessKey)
    const failed = await toss.windowReturn(redirectUrl(payment), 'quit')
    assert.isTrue(failed.startsWith(`${SHOP_URL}/payments/toss/${payment.attemptId}?`))

    const page = await client.get(pathOf(failed)).withSession(session)
    page.assertStatus(200)
    page.assertTextIncludes('사용자에 의해 결제가 취소되었습니다. (PAY_PROCESS_CANCELED)')
    page.assertTextIncludes('₩23,000 다시 결제하기')
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)

    const back = await toss.windowReturn(redirectUrl(payment), 'approve')
    await client.get(pathOf(back)).withSession(session).redirects(0)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
  })

  test('a card the issuer refuses fails the attempt and the order keeps waiting', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'toss' })
    const back = await toss.windowReturn(redirectUrl(payment), 'reject')
    await client.get(pathOf(back)).withSession(holdingKey(order.number, accessKey)).redirects(0)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(payment.failureCode, 'REJECT_CARD_PAYMENT')
    assert.equal(order.status, OrderStatus.PendingPayment)
  })

  test('an amount changed on the way to Toss is refused at confirm and nothing is charged', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'toss' })
    const back = await toss.windowReturn(redirectUrl(payment), 'approve', { amount: '1000' })
    assert.equal(new URL(back).searchParams.get('amount'), '1000')
    await client.get(pathOf(back)).withSession(holdingKey(order.number, accessKey)).redirects(0)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(payment.capturedAmount, 0)
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(toss.paymentFor(payment.attemptId)!.status, 'IN_PROGRESS')
  })

  test('someone else cannot confirm the attempt through its return URL', async ({
    client,
    assert,
  }) => {
    const { payment } = await placedOrder({ paymentMethod: 'toss' })
    const back = await toss.windowReturn(redirectUrl(payment), 'approve')
    const response = await client.get(pathOf(back)).redirects(0)
    response.assertStatus(404)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.equal(toss.paymentFor(payment.attemptId)!.status, 'IN_PROGRESS')
  })

  test('a customer who keeps the card registers it, pays, and pays the next order in one click', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const first = await placedOrder({ user, paymentMethod: 'toss', saveMethod: true })
    const page = await client.get(pathOf(redirectUrl(first.payment))).loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('data-test="toss-saving"')
    const request = sdkRequest(page.text(), 'data-toss')
    assert.equal(request.flow, 'billing')
    assert.match(String(request.customerKey), /^jt_/)

    const back = await toss.windowReturn(redirectUrl(first.payment), 'approve')
    assert.include(back, 'authKey=')
    await client.get(pathOf(back)).loginAs(user).redirects(0)
    await Promise.all([first.order.refresh(), first.payment.refresh()])
    assert.equal(first.payment.status, PaymentStatus.Captured)
    assert.equal(first.order.status, OrderStatus.Paid)
    const saved = await SavedPaymentMethod.query().where('userId', user.id).firstOrFail()
    assert.equal(saved.adapter, 'toss')
    assert.equal(saved.providerCustomerId, request.customerKey)
    assert.equal(saved.lastFour, '1234')

    const second = await placedOrder({ user, paymentMethod: 'toss', savedMethodId: saved.id })
    await second.order.refresh()
    assert.equal(second.payment.status, PaymentStatus.Captured)
    assert.equal(second.order.status, OrderStatus.Paid)
    assert.equal(toss.paymentFor(second.payment.attemptId)!.status, 'DONE')
  })
})
