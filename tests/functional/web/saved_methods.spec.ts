import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { DateTime } from 'luxon'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import { UserFactory } from '#database/factories/index'
import { SavedMethods } from '#services/payments/saved_methods'
import { savedTestCard } from '#tests/helpers/payments'
import { placedOrder } from '#tests/helpers/shop'

const VISA = '4242 4242 4242 4242'
const MASTERCARD = '5555 5555 5555 4444'
const OUTAGE = '4000 0000 0000 0119'

test.group('Account | saved payment methods', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('lists the customer’s saved cards, last used first, with brand, last four and expiry', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const daysAgo = (days: number) => DateTime.now().minus({ days })
    await savedTestCard(user, MASTERCARD, { createdAt: daysAgo(3) })
    await savedTestCard(user, VISA, { createdAt: daysAgo(10), lastUsedAt: daysAgo(1) })

    const response = await client.get('/account/payment-methods').loginAs(user)
    response.assertStatus(200)
    const cards = [...response.text().matchAll(/data-test="saved-method-card">\s*([^<]+?)\s*</g)]
    assert.deepEqual(
      cards.map((match) => match[1]),
      ['Visa •••• 4242', 'Mastercard •••• 4444']
    )
    response.assertTextIncludes('2034-12')
    response.assertTextIncludes('테스트 카드')
    response.assertTextIncludes('data-confirm="이 결제수단을 삭제할까요?')
    assert.notInclude(response.text(), '4242 4242 4242 4242')
  })

  test('the account page links to it', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get('/account').loginAs(user)
    response.assertTextIncludes('href="/account/payment-methods" data-test="payment-methods-link"')
  })

  test('says so when nothing is saved, and never shows someone else’s cards', async ({
    client,
    assert,
  }) => {
    const [user, other] = await UserFactory.createMany(2)
    await savedTestCard(other, VISA)
    const response = await client.get('/account/payment-methods').loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('data-test="saved-methods-empty"')
    assert.notInclude(response.text(), '•••• 4242')
  })

  test('guests are sent to sign in', async ({ client }) => {
    const response = await client.get('/account/payment-methods').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('removes a saved card, and payments it paid keep their record', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const card = await savedTestCard(user, VISA)
    const { payment } = await placedOrder({ user, paymentMethod: 'test_card' })
    await payment.merge({ savedPaymentMethodId: card.id }).save()

    const response = await client
      .delete(`/account/payment-methods/${card.id}`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/account/payment-methods')
    response.assertFlashMessage('success', '결제수단을 삭제했습니다.')
    assert.isNull(await SavedPaymentMethod.find(card.id))
    const paid = await Payment.findOrFail(payment.id)
    assert.isNull(paid.savedPaymentMethodId)
    const audit = await AuditEvent.query().where('action', 'customer.payment_method_removed')
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actorId, user.id)
    assert.equal(audit[0].subjectId, String(card.id))
    // The log keeps the card's summary, never the provider's ids.
    assert.include(audit[0].changes, '"lastFour":"4242"')
    assert.notInclude(audit[0].changes, card.providerMethodId)
  })

  test('someone else’s card is a 404 and stays saved', async ({ client, assert }) => {
    const [user, other] = await UserFactory.createMany(2)
    const card = await savedTestCard(other, VISA)
    const response = await client
      .delete(`/account/payment-methods/${card.id}`)
      .loginAs(user)
      .withCsrfToken()
    response.assertStatus(404)
    assert.isNotNull(await SavedPaymentMethod.find(card.id))

    const missing = await client
      .delete('/account/payment-methods/999999')
      .loginAs(user)
      .withCsrfToken()
    missing.assertStatus(404)
  })

  test('removing without the CSRF token removes nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const card = await savedTestCard(user, VISA)
    const response = await client
      .delete(`/account/payment-methods/${card.id}`)
      .header('referer', '/account/payment-methods')
      .loginAs(user)
      .redirects(0)
    assert.notEqual(response.status(), 200)
    assert.isUndefined(response.flashMessage('success'))
    assert.isNotNull(await SavedPaymentMethod.find(card.id))
  })

  test('a provider outage keeps the card and says to try again', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const card = await savedTestCard(user, OUTAGE)
    const response = await client
      .delete(`/account/payment-methods/${card.id}`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/account/payment-methods')
    response.assertFlashMessage(
      'error',
      '결제사에 연결할 수 없어 결제수단을 삭제하지 못했습니다. 잠시 후 다시 시도해 주세요.'
    )
    assert.isNotNull(await SavedPaymentMethod.find(card.id))
  })
})

/*
 * Two confirmations of the same saving payment (a return URL racing a
 * webhook) commit for real, so this group truncates instead of rolling back.
 */
test.group('Saved methods | remembering a payment’s method', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('remembering one method twice at once keeps one row, linked to the payment', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const { payment } = await placedOrder({ user, paymentMethod: 'test_card' })
    const card = await savedTestCard(user, VISA)
    const saved = {
      providerMethodId: card.providerMethodId,
      providerCustomerId: card.providerCustomerId,
      summary: { brand: 'visa', last4: '4242', expiresAt: '2034-12' },
    }
    await card.delete()

    const savedMethods = await app.container.make(SavedMethods)
    const kept = await Promise.all([
      savedMethods.remember(payment, saved),
      savedMethods.remember(payment, saved),
    ])
    const rows = await SavedPaymentMethod.query().where('userId', user.id)
    assert.lengthOf(rows, 1)
    assert.deepEqual(
      kept.map((method) => method?.id),
      [rows[0].id, rows[0].id]
    )
    await payment.refresh()
    assert.equal(payment.savedPaymentMethodId, rows[0].id)
    assert.equal(await savedMethods.customerIdFor(user.id, 'test_card'), card.providerCustomerId)
    const audit = await AuditEvent.query().where('action', 'customer.payment_method_saved')
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actorId, user.id)
  })

  test('a guest’s payment keeps nothing', async ({ assert }) => {
    const { payment } = await placedOrder({ paymentMethod: 'test_card' })
    const savedMethods = await app.container.make(SavedMethods)
    const kept = await savedMethods.remember(payment, {
      providerMethodId: 'tcpm_x',
      providerCustomerId: 'tccus_x',
      summary: { brand: 'visa', last4: '4242' },
    })
    assert.isNull(kept)
    assert.lengthOf(await SavedPaymentMethod.all(), 0)
  })
})
