import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { actorFor } from '#audit/actor'
import { CartService } from '#services/cart/cart_service'
import { CheckoutService } from '#services/checkout/checkout_service'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import { tossAdapter } from '#payments/adapters/toss_adapter'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { TossServer } from '#tests/fixtures/servers/toss_server'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const SECRET_KEY = 'test_sk_storefront_toss_0123456789'
const CLIENT_KEY = 'test_ck_storefront_toss_0123456789'
const SHOP_URL = 'http://127.0.0.1:3334'

/** The path of an absolute URL the provider redirects the shopper to. */
function pathOf(url: string) {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/** Where the checkout sent the shopper (the Toss checkout page, with the SDK request). */
function pageUrl(payment: Payment) {
  if (payment.nextAction?.type !== 'redirect') throw new Error('Toss starts with a redirect')
  return payment.nextAction.url
}

/** The SDK request the page hands its script (the data-toss attribute). */
function sdkRequest(html: string): Record<string, unknown> {
  const attribute = html.match(/data-toss="([^"]*)"/)?.[1] ?? '{}'
  const text = attribute
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
  return JSON.parse(text)
}

/** A customer's order paid with Toss, keeping the card or paying with a kept one. */
async function customerOrder(user: User, choice: { saveMethod?: boolean; savedMethodId?: number }) {
  const listing = await createListing({ price: 10_000, stock: 5 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const carts = await app.container.make(CartService)
  const cart = await carts.forUser(user)
  await carts.addItem(cart, listing.variant.id, 2)
  const checkout = await app.container.make(CheckoutService)
  const address = { ...koreanAddress(), city: null, region: null }
  return checkout.place(
    {
      cartId: cart.id,
      email: user.email,
      shippingAddress: address,
      paymentMethod: 'toss',
      user,
      locale: 'ko',
      ...choice,
    },
    actorFor(user)
  )
}

/*
 * The storefront's side of Toss Payments against a local Toss: the checkout
 * page that loads the SDK, the window, and the return URL that confirms.
 */
test.group('Web | paying with Toss Payments', (group) => {
  const toss = new TossServer(SECRET_KEY, CLIENT_KEY)

  group.setup(async () => {
    await toss.start()
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    const origins = config.get<PageOrigins>('payments.pageOrigins')
    config.set('app.appUrl', SHOP_URL)
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
    const url = pageUrl(payment)
    assert.isTrue(url.startsWith(`${SHOP_URL}/payments/toss/${payment.attemptId}?`))

    const response = await client.get(pathOf(url)).withSession(holdingKey(order.number, accessKey))
    response.assertStatus(200)
    response.assertTextIncludes(`<script src="${toss.url}/v2/standard" defer></script>`)
    response.assertTextIncludes('₩23,000')
    assert.deepEqual(sdkRequest(response.text()), {
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
    const back = await toss.windowReturn(pageUrl(payment), 'approve')
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
      .get(pathOf(pageUrl(payment)))
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
    const failed = await toss.windowReturn(pageUrl(payment), 'quit')
    assert.isTrue(failed.startsWith(`${SHOP_URL}/payments/toss/${payment.attemptId}?`))

    const page = await client.get(pathOf(failed)).withSession(session)
    page.assertStatus(200)
    page.assertTextIncludes('사용자에 의해 결제가 취소되었습니다. (PAY_PROCESS_CANCELED)')
    page.assertTextIncludes('₩23,000 다시 결제하기')
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)

    const back = await toss.windowReturn(pageUrl(payment), 'approve')
    await client.get(pathOf(back)).withSession(session).redirects(0)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
  })

  test('a card the issuer refuses fails the attempt and the order keeps waiting', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'toss' })
    const back = await toss.windowReturn(pageUrl(payment), 'reject')
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
    const back = await toss.windowReturn(pageUrl(payment), 'approve', { amount: '1000' })
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
    const back = await toss.windowReturn(pageUrl(payment), 'approve')
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
    const first = await customerOrder(user, { saveMethod: true })
    const page = await client.get(pathOf(pageUrl(first.payment))).loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('data-test="toss-saving"')
    const request = sdkRequest(page.text())
    assert.equal(request.flow, 'billing')
    assert.match(String(request.customerKey), /^jt_/)

    const back = await toss.windowReturn(pageUrl(first.payment), 'approve')
    assert.include(back, 'authKey=')
    await client.get(pathOf(back)).loginAs(user).redirects(0)
    await Promise.all([first.order.refresh(), first.payment.refresh()])
    assert.equal(first.payment.status, PaymentStatus.Captured)
    assert.equal(first.order.status, OrderStatus.Paid)
    const saved = await SavedPaymentMethod.query().where('userId', user.id).firstOrFail()
    assert.equal(saved.adapter, 'toss')
    assert.equal(saved.providerCustomerId, request.customerKey)
    assert.equal(saved.lastFour, '1234')

    const second = await customerOrder(user, { savedMethodId: saved.id })
    await second.order.refresh()
    assert.equal(second.payment.status, PaymentStatus.Captured)
    assert.equal(second.order.status, OrderStatus.Paid)
    assert.equal(toss.paymentFor(second.payment.attemptId)!.status, 'DONE')
  })
})
