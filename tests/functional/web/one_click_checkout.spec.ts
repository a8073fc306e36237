import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import CartItem from '#models/cart_item'
import Order from '#models/order'
import Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { stockOf } from '#tests/helpers/commerce'
import { savedTestCard } from '#tests/helpers/payments'
import { guestSession, postCheckout, readyCart } from '#tests/helpers/shop'

const VISA = '4242 4242 4242 4242'
const DECLINED = '4000 0000 0000 0002'

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
    const card = await savedTestCard(user, VISA)
    await savedTestCard(other, '5555 5555 5555 4444')
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
      const placed = await postCheckout(client, cart, user, {
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
    await postCheckout(client, mine.cart, user, { paymentMethod: 'test_card' })
    const payment = await Payment.firstOrFail()
    assert.isNotOk(payment.saveMethod)
    await payByCard(client, payment, user)

    const guest = await readyCart()
    const placed = await postCheckout(client, guest.cart, null, {
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
    const card = await savedTestCard(user, VISA)
    const { cart, variant } = await readyCart(user)

    const response = await postCheckout(client, cart, user, {
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
    const theirs = await savedTestCard(other, VISA)
    const { cart, variant } = await readyCart(user)

    const response = await postCheckout(client, cart, user, {
      paymentMethod: `saved:${theirs.id}`,
    })
    response.assertStatus(302)
    response.assertHeader('location', '/checkout')
    assert.property(response.flashMessage('inputErrorsBag'), 'savedMethodId')

    const json = await postCheckout(client, cart, user, {
      paymentMethod: `saved:${theirs.id}`,
    }).header('accept', 'application/json')
    json.assertStatus(422)
    assert.equal(json.body().errors[0].field, 'savedMethodId')

    const forged = await postCheckout(client, cart, user, { paymentMethod: 'saved:abc' })
    assert.property(forged.flashMessage('inputErrorsBag'), 'savedMethodId')
    const guest = await readyCart()
    const asGuest = await postCheckout(client, guest.cart, null, {
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
    const card = await savedTestCard(user, DECLINED)
    const { cart } = await readyCart(user)

    const response = await postCheckout(client, cart, user, {
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
    const card = await savedTestCard(user, VISA)
    const { cart, variant } = await readyCart(user)

    const responses = await Promise.all(
      [1, 2].map(() => postCheckout(client, cart, user, { paymentMethod: `saved:${card.id}` }))
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
