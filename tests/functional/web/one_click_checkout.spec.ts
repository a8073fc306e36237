import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import CartItem from '#models/cart_item'
import Order from '#models/order'
import Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { PaymentManager } from '#payments/payment_manager'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { createListing, koreanAddress, setPolicy, stockOf } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'
import { cartWith, guestSession } from '#tests/helpers/shop'

const VISA = '4242 4242 4242 4242'
const DECLINED = '4000 0000 0000 0002'

/** A card the customer saved with the test-card sandbox, as a checkout with "save" keeps it. */
async function savedCard(user: User, cardNumber: string) {
  const manager = await app.container.make(PaymentManager)
  const adapter = manager.use('test_card')
  const saved = await adapter.savePaymentMethod!({
    idempotencyKey: `save:${user.id}:${cardNumber}`,
    customer: { email: user.email },
    params: { cardNumber, expiry: '12/34', cvc: '123' },
  })
  return SavedPaymentMethod.create({
    userId: user.id,
    adapter: 'test_card',
    providerCustomerId: saved.providerCustomerId,
    providerMethodId: saved.providerMethodId,
    brand: saved.summary.brand,
    lastFour: saved.summary.last4,
    expiresAt: saved.summary.expiresAt,
  })
}

/** One listing (20,000 + 3,000 shipping) in a cart of the customer's (or a guest's). */
async function readyCart(user?: User) {
  const listing = await createListing({ price: 20_000, stock: 3 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const cart = await cartWith([{ variantId: listing.variant.id, quantity: 1 }], user)
  return { ...listing, cart }
}

/** Posts the checkout form as the page does, signed in as `user` or as the cart's guest. */
function submitCheckout(
  client: ApiClient,
  cart: { id: string; version: number },
  user: User | null,
  fields: Record<string, unknown>
) {
  const request = client
    .post('/checkout')
    .header('referer', '/checkout')
    .unsafeForm(
      encodeForm({
        email: user?.email ?? 'guest@example.com',
        shippingAddress: koreanAddress(),
        cartVersion: cart.version,
        intent: 'place',
        ...fields,
      })
    )
    .withCsrfToken()
    .redirects(0)
  return user ? request.loginAs(user) : request.withSession(guestSession(cart.id))
}

/** Pays an attempt on the sandbox card page. */
function payByCard(client: ApiClient, payment: Payment, user: User, cardNumber = VISA) {
  return client
    .post(`/payments/test-card/${payment.attemptId}`)
    .form({ cardNumber, expiry: '12/34', cvc: '123' })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

test.group('Web | one-click checkout with saved methods', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('a customer sees their saved cards and “save for next time”; a guest sees neither', async ({
    client,
    assert,
  }) => {
    const [user, other] = await UserFactory.createMany(2)
    const card = await savedCard(user, VISA)
    await savedCard(other, '5555 5555 5555 4444')
    await readyCart(user)

    const page = await client.get('/checkout').loginAs(user)
    page.assertStatus(200)
    assert.match(
      page.text(),
      new RegExp(`value="saved:${card.id}"\\s*/>\\s*Visa •••• 4242\\s*<span class="muted">`)
    )
    assert.notInclude(page.text(), '•••• 4444')
    page.assertTextIncludes('name="saveMethod"')
    page.assertTextIncludes('다음 결제를 위해 이 결제수단 저장')

    const { cart: guestCart } = await readyCart()
    const guest = await client.get('/checkout').withSession(guestSession(guestCart.id))
    guest.assertStatus(200)
    assert.notInclude(guest.text(), 'data-test="saved-method-choice"')
    assert.notInclude(guest.text(), 'name="saveMethod"')
  })

  test('ticking “save” keeps the card once, however often it pays', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (const round of [1, 2]) {
      const { cart } = await readyCart(user)
      const placed = await submitCheckout(client, cart, user, {
        paymentMethod: 'test_card',
        saveMethod: '1',
      })
      placed.assertStatus(302)
      const payment = await Payment.query().orderBy('id', 'desc').firstOrFail()
      assert.isOk(payment.saveMethod, `round ${round}`)
      const page = await client.get(`/payments/test-card/${payment.attemptId}`).loginAs(user)
      page.assertTextIncludes('data-test="will-save"')

      const paid = await payByCard(client, payment, user)
      paid.assertFlashMessage('success', '결제가 완료되었습니다.')
      await payment.refresh()
      assert.equal(payment.status, PaymentStatus.Captured)
      const saved = await SavedPaymentMethod.query().where('userId', user.id)
      assert.lengthOf(saved, 1, `round ${round}`)
      assert.equal(payment.savedPaymentMethodId, saved[0].id)
      assert.deepInclude(saved[0].$attributes, {
        adapter: 'test_card',
        brand: 'visa',
        lastFour: '4242',
        expiresAt: '2034-12',
      })
    }
  })

  test('without “save” nothing is kept, and a guest’s “save” is ignored', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const mine = await readyCart(user)
    await submitCheckout(client, mine.cart, user, { paymentMethod: 'test_card' })
    const payment = await Payment.firstOrFail()
    assert.isNotOk(payment.saveMethod)
    await payByCard(client, payment, user)

    const guest = await readyCart()
    const placed = await submitCheckout(client, guest.cart, null, {
      paymentMethod: 'test_card',
      saveMethod: '1',
    })
    placed.assertStatus(302)
    const guestPayment = await Payment.query().orderBy('id', 'desc').firstOrFail()
    assert.isNotOk(guestPayment.saveMethod)
    assert.lengthOf(await SavedPaymentMethod.all(), 0)
  })

  test('one click places the order, charges the saved card once and shows it paid', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const card = await savedCard(user, VISA)
    const { cart, variant } = await readyCart(user)

    const response = await submitCheckout(client, cart, user, {
      paymentMethod: `saved:${card.id}`,
    })
    const order = await Order.query().preload('payments').firstOrFail()
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)
    response.assertFlashMessage('success', '결제가 완료되었습니다.')
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(order.paymentMethod, 'test_card')
    assert.lengthOf(order.payments, 1)
    const [payment] = order.payments
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, 23_000)
    assert.equal(payment.savedPaymentMethodId, card.id)
    assert.equal(payment.methodSummary?.last4, '4242')
    assert.isNull(payment.nextAction)
    const log = await AuditEvent.query()
      .whereIn('action', ['order.placed', 'order.paid'])
      .orderBy('id')
    assert.deepEqual(
      log.map((event) => event.action),
      ['order.placed', 'order.paid']
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.equal(await stockOf(variant.id), 2)
    await card.refresh()
    assert.isNotNull(card.lastUsedAt)

    const page = await client.get(`/orders/${order.number}`).loginAs(user)
    page.assertTextIncludes('결제 완료')
  })

  test('someone else’s saved card (or any, for a guest) is a field error, nothing written', async ({
    client,
    assert,
  }) => {
    const [user, other] = await UserFactory.createMany(2)
    const theirs = await savedCard(other, VISA)
    const { cart, variant } = await readyCart(user)

    const response = await submitCheckout(client, cart, user, {
      paymentMethod: `saved:${theirs.id}`,
    })
    response.assertStatus(302)
    response.assertHeader('location', '/checkout')
    assert.property(response.flashMessage('inputErrorsBag'), 'savedMethodId')

    const json = await submitCheckout(client, cart, user, {
      paymentMethod: `saved:${theirs.id}`,
    }).header('accept', 'application/json')
    json.assertStatus(422)
    assert.equal(json.body().errors[0].field, 'savedMethodId')

    const forged = await submitCheckout(client, cart, user, { paymentMethod: 'saved:abc' })
    assert.property(forged.flashMessage('inputErrorsBag'), 'savedMethodId')
    const guest = await readyCart()
    const asGuest = await submitCheckout(client, guest.cart, null, {
      paymentMethod: `saved:${theirs.id}`,
    })
    assert.property(asGuest.flashMessage('inputErrorsBag'), 'savedMethodId')

    assert.lengthOf(await Order.all(), 0)
    assert.lengthOf(await Payment.all(), 0)
    assert.equal(await stockOf(variant.id), 3)
    assert.lengthOf(await CartItem.query().where('cartId', cart.id), 1)
  })

  test('a declined one-click leaves the order unpaid with the reason, and paying again works', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const card = await savedCard(user, DECLINED)
    const { cart } = await readyCart(user)

    const response = await submitCheckout(client, cart, user, {
      paymentMethod: `saved:${card.id}`,
    })
    const order = await Order.firstOrFail()
    response.assertHeader('location', `/orders/${order.number}`)
    response.assertFlashMessage(
      'error',
      '결제가 승인되지 않았습니다: 카드사에서 승인을 거절했습니다'
    )
    assert.equal(order.status, OrderStatus.PendingPayment)
    const failed = await Payment.firstOrFail()
    assert.equal(failed.status, PaymentStatus.Failed)
    assert.equal(failed.failureCode, 'card_declined')

    const page = await client.get(`/orders/${order.number}`).loginAs(user)
    page.assertTextIncludes('data-test="pay-again"')
    const again = await client
      .post(`/orders/${order.number}/pay`)
      .form({ paymentMethod: 'test_card' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    const retry = await Payment.query().orderBy('id', 'desc').firstOrFail()
    again.assertHeader('location', `/payments/test-card/${retry.attemptId}`)
    await payByCard(client, retry, user)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
  })
})

/*
 * Two submits of the same one-click form race for real, so this group
 * commits and truncates instead of rolling back one transaction.
 */
test.group('Web | one-click checkout submitted twice', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a double-submitted one-click places one order and charges once', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const card = await savedCard(user, VISA)
    const { cart, variant } = await readyCart(user)

    const responses = await Promise.all(
      [1, 2].map(() => submitCheckout(client, cart, user, { paymentMethod: `saved:${card.id}` }))
    )
    assert.deepEqual(
      responses.map((response) => response.status()),
      [302, 302]
    )
    const orders = await Order.query().preload('payments')
    assert.lengthOf(orders, 1)
    assert.equal(orders[0].status, OrderStatus.Paid)
    assert.lengthOf(orders[0].payments, 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.equal(await stockOf(variant.id), 2)
  })
})
