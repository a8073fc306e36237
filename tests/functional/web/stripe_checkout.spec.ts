import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { type StripeServer, startStripeServer } from '#tests/fixtures/servers/stripe_server'
import {
  SHOP_URL,
  deliverStripeEvent,
  localStripe,
  useLocalProviders,
} from '#tests/helpers/payments'
import { holdingKey, placedOrder, postCheckout, readyCart } from '#tests/helpers/shop'

const stripe = await startStripeServer()

/** Where Stripe sends the shopper after Stripe.js confirmed the intent. */
function returnPath(payment: Payment, server: StripeServer, status = 'succeeded') {
  const intent = server.state.intents.get(payment.providerReference!)!
  const query = new URLSearchParams({
    payment_intent: intent.id,
    payment_intent_client_secret: intent.client_secret,
    redirect_status: status,
  })
  return `/payments/${payment.attemptId}/return?${query}`
}

/** Places an order through the checkout form as a signed-in customer, paying with Stripe. */
async function checkoutAs(client: ApiClient, user: User, fields: Record<string, unknown>) {
  const { cart } = await readyCart(user)
  return postCheckout(client, cart, user, { paymentMethod: 'stripe', ...fields })
}

/*
 * The storefront's side of Stripe against the local Stripe: the checkout
 * sends the shopper to the page where Stripe.js confirms the PaymentIntent,
 * then Stripe's return URL settles the payment from the intent itself.
 */
test.group('Web | paying with Stripe', (group) => {
  useLocalProviders(group, {
    servers: [stripe],
    adapters: { stripe: localStripe(stripe) },
    appUrl: SHOP_URL,
    pageOrigins: { scripts: [stripe.url], frames: [stripe.url], connects: [stripe.url] },
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('placing an order with Stripe leads to the Stripe payment page', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await checkoutAs(client, user, {})
    response.assertStatus(302)
    const location = String(response.header('location'))
    assert.match(location, /^\/payments\/stripe\/[0-9a-f-]{36}$/)
  })

  test('the page hands Stripe.js the keys, under a CSP that lets in Stripe’s origin', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { payment } = await placedOrder({ user, paymentMethod: 'stripe' })
    const secret = payment.nextAction?.type === 'client_confirmation' ? payment.nextAction : null
    assert.isNotNull(secret)

    const response = await client.get(`/payments/stripe/${payment.attemptId}`).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes(`<script src="${stripe.url}/v3/" defer></script>`)
    response.assertTextIncludes(`data-publishable-key="${stripe.publishableKey}"`)
    response.assertTextIncludes(`data-client-secret="${secret!.clientSecret}"`)
    response.assertTextIncludes(
      `data-return-url="${SHOP_URL}/payments/${payment.attemptId}/return"`
    )
    const csp = String(response.header('content-security-policy'))
    assert.include(csp, `script-src 'self' ${stripe.url}`)
    assert.include(csp, `frame-src 'self' ${stripe.url}`)
  })

  test('only the order’s owner sees the page; anyone else gets 404', async ({ client }) => {
    const user = await UserFactory.create()
    const stranger = await UserFactory.create()
    const { payment } = await placedOrder({ user, paymentMethod: 'stripe' })
    const path = `/payments/stripe/${payment.attemptId}`
    const anonymous = await client.get(path)
    anonymous.assertStatus(404)
    const other = await client.get(path).loginAs(stranger)
    other.assertStatus(404)

    const guest = await placedOrder({ paymentMethod: 'stripe' })
    const guestPath = `/payments/stripe/${guest.payment.attemptId}`
    const withoutKey = await client.get(guestPath)
    withoutKey.assertStatus(404)
    const session = holdingKey(guest.order.number, guest.accessKey)
    const withKey = await client.get(guestPath).withSession(session)
    withKey.assertStatus(200)
  })

  test('Stripe’s return after the card was paid marks the order paid', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user, paymentMethod: 'stripe' })
    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')

    const back = await client.get(returnPath(payment, stripe)).loginAs(user).redirects(0)
    back.assertStatus(302)
    back.assertHeader('location', `/orders/${order.number}`)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, order.grandTotal)
    assert.equal(order.status, OrderStatus.Paid)

    // A settled payment's page sends the shopper to the order instead.
    const page = await client.get(`/payments/stripe/${payment.attemptId}`).loginAs(user)
    page.assertRedirectsTo(`/orders/${order.number}`)
  })

  test('a return that claims success for an unpaid intent pays nothing', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user, paymentMethod: 'stripe' })
    await client.get(returnPath(payment, stripe)).loginAs(user).redirects(0)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.notEqual(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.PendingPayment)
  })

  test('after a declined card and its webhook, a second card still pays the order', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user, paymentMethod: 'stripe' })
    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_chargeDeclined')
    const failed = stripe.signedEvent('payment_intent.payment_failed', payment.providerReference!)
    const delivery = await deliverStripeEvent(client, failed)
    delivery.assertStatus(200)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
    const page = await client.get(`/payments/stripe/${payment.attemptId}`).loginAs(user)
    page.assertStatus(200)

    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
    await client.get(returnPath(payment, stripe)).loginAs(user).redirects(0)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(order.status, OrderStatus.Paid)
  })

  test('a customer who saves the card keeps it for one-click checkout', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await checkoutAs(client, user, { saveMethod: true })
    const attemptId = String(response.header('location')).split('/').at(-1)
    const payment = await Payment.findByOrFail('attemptId', attemptId)
    const intent = stripe.state.intents.get(payment.providerReference!)!
    assert.equal(intent.setup_future_usage, 'off_session')
    assert.match(intent.customer, /^cus_/)

    await stripe.confirmInBrowser(intent.id, 'pm_card_visa')
    await client.get(returnPath(payment, stripe)).loginAs(user).redirects(0)
    const saved = await SavedPaymentMethod.query().where('userId', user.id)
    assert.lengthOf(saved, 1)
    assert.containsSubset(saved[0].serialize(), {
      adapter: 'stripe',
      providerMethodId: intent.payment_method,
      providerCustomerId: intent.customer,
      brand: 'visa',
      lastFour: '4242',
    })
  })
})
