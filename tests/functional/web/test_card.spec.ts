import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { QueueManager } from '@adonisjs/queue'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const APPROVED = '4242 4242 4242 4242'
const DECLINED = '4000 0000 0000 0002'
const OUTAGE = '4000 0000 0000 0119'

/** A guest's test-card order and the session that owns it. */
async function cardOrder() {
  const placed = await placedOrder({ paymentMethod: 'test_card' })
  return { ...placed, session: holdingKey(placed.order.number, placed.accessKey) }
}

test.group('Web | test-card sandbox', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('shows the sandbox card form with the amount and the test numbers', async ({ client }) => {
    const { payment, session } = await cardOrder()
    const response = await client
      .get(`/payments/test-card/${payment.attemptId}`)
      .withSession(session)
    response.assertStatus(200)
    response.assertTextIncludes('샌드박스')
    response.assertTextIncludes('data-test="amount">₩23,000<')
    response.assertTextIncludes(APPROVED)
    response.assertTextIncludes(DECLINED)
  })

  test('an approved card pays the order and no card number is kept', async ({ client, assert }) => {
    const { order, payment, session } = await cardOrder()
    const response = await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: APPROVED, expiry: '12/34', cvc: '123' })
      .withSession(session)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)
    response.assertFlashMessage('success', '결제가 완료되었습니다.')
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.methodSummary?.last4, '4242')
    assert.equal(order.status, OrderStatus.Paid)

    assert.notInclude(JSON.stringify(response.session()), '4242424242424242')
    assert.notInclude(JSON.stringify(response.flashMessages()), '4242')
    for (const table of ['payments', 'audit_events', 'orders']) {
      const rows = await db.from(table)
      assert.notInclude(JSON.stringify(rows), '4242424242424242', table)
      assert.notInclude(JSON.stringify(rows), APPROVED, table)
    }

    const page = await client.get(`/orders/${order.number}`).withSession(session)
    page.assertTextIncludes('결제 완료')
    assert.match(page.text(), /data-test="card-summary">\s*\(visa •••• 4242\)\s*</)
  })

  test('a declined card fails the attempt, says why and offers to pay again', async ({
    client,
    assert,
  }) => {
    const { order, payment, session } = await cardOrder()
    const response = await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: DECLINED, expiry: '12/34', cvc: '123' })
      .withSession(session)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/orders/${order.number}`)
    response.assertFlashMessage(
      'error',
      '결제가 승인되지 않았습니다: 카드사에서 승인을 거절했습니다'
    )
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(order.status, OrderStatus.PendingPayment)

    const page = await client.get(`/orders/${order.number}`).withSession(session)
    page.assertTextIncludes('data-test="pay-again"')
  })

  test('malformed card fields are a 422 with field errors and leave the attempt open', async ({
    client,
    assert,
  }) => {
    const { payment, session } = await cardOrder()
    const response = await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: '4242-abcd-9999', expiry: '13', cvc: '' })
      .withSession(session)
      .withCsrfToken()
    response.assertStatus(422)
    response.assertTextIncludes('data-test="error-cardNumber"')
    response.assertTextIncludes('data-test="error-expiry"')
    response.assertTextIncludes('data-test="error-cvc"')
    assert.notInclude(response.text(), '4242-abcd-9999')
    assert.isUndefined(response.flashMessages()?.cardNumber)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
  })

  test('a provider outage leaves the attempt open and asks to try again', async ({
    client,
    assert,
  }) => {
    const { payment, session } = await cardOrder()
    const response = await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: OUTAGE, expiry: '12/34', cvc: '123' })
      .withSession(session)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/payments/test-card/${payment.attemptId}`)
    response.assertFlashMessage('error', '결제사에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.')
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
  })

  test('a settled attempt sends the shopper to the order page', async ({ client }) => {
    const { order, payment, session } = await cardOrder()
    await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: APPROVED, expiry: '12/34', cvc: '123' })
      .withSession(session)
      .withCsrfToken()
    const again = await client
      .get(`/payments/test-card/${payment.attemptId}`)
      .withSession(session)
      .redirects(0)
    again.assertStatus(302)
    again.assertHeader('location', `/orders/${order.number}`)
  })

  test('only the order’s owner reaches the card page', async ({ client, assert }) => {
    const { payment } = await cardOrder()
    const stranger = await UserFactory.create()
    const anonymous = await client.get(`/payments/test-card/${payment.attemptId}`)
    anonymous.assertStatus(404)
    const other = await client.get(`/payments/test-card/${payment.attemptId}`).loginAs(stranger)
    other.assertStatus(404)
    const paid = await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: APPROVED, expiry: '12/34', cvc: '123' })
      .withCsrfToken()
    paid.assertStatus(404)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
  })

  test('speaks the visitor’s language', async ({ client, assert }) => {
    const { payment, order, session } = await cardOrder()
    const card = await client
      .get(`/payments/test-card/${payment.attemptId}`)
      .header('accept-language', 'en')
      .withSession(session)
    card.assertTextIncludes('This is a sandbox payment page.')
    card.assertTextIncludes('Declined (insufficient funds)')
    const page = await client
      .get(`/orders/${order.number}`)
      .header('accept-language', 'en')
      .withSession(session)
    page.assertTextIncludes('Awaiting payment')
    page.assertTextIncludes('Test card')
    page.assertTextIncludes('South Korea')
    for (const html of [card.text(), page.text()]) assert.notInclude(html, 'translation missing')
  })

  test('a bank-transfer attempt has no card page', async ({ client }) => {
    const { payment, order, accessKey } = await placedOrder()
    const response = await client
      .get(`/payments/test-card/${payment.attemptId}`)
      .withSession(holdingKey(order.number, accessKey))
    response.assertStatus(404)
  })
})

test.group('Web | payment return URL', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('confirms the attempt with the provider’s parameters, then shows the order', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user, paymentMethod: 'test_card' })
    const response = await client
      .get(`/payments/${payment.attemptId}/return`)
      .qs({ cardNumber: '4242424242424242', expiry: '12/34', cvc: '123' })
      .loginAs(user)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)
    response.assertFlashMessage('success', '결제가 완료되었습니다.')
    const settled = await Payment.findOrFail(payment.id)
    assert.equal(settled.status, PaymentStatus.Captured)

    const twice = await client
      .get(`/payments/${payment.attemptId}/return`)
      .loginAs(user)
      .redirects(0)
    twice.assertHeader('location', `/orders/${order.number}`)
    assert.lengthOf(await Payment.query().where('orderId', order.id), 1)
  })

  test('someone else’s return URL is a 404 and confirms nothing', async ({ client, assert }) => {
    const { payment } = await cardOrder()
    const response = await client
      .get(`/payments/${payment.attemptId}/return`)
      .qs({ cardNumber: '4242424242424242', expiry: '12/34', cvc: '123' })
    response.assertStatus(404)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
  })

  test('a card form with an expired CSRF token keeps no card number in the session', async ({
    client,
    assert,
  }) => {
    const { payment, session } = await cardOrder()
    const response = await client
      .post(`/payments/test-card/${payment.attemptId}`)
      .form({ cardNumber: APPROVED, expiry: '12/34', cvc: '123' })
      .header('referer', `/payments/test-card/${payment.attemptId}`)
      .withSession(session)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', '페이지가 만료되었습니다. 카드 정보를 다시 입력해 주세요.')
    assert.notInclude(JSON.stringify(response.session()), '4242')
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
  })
})
