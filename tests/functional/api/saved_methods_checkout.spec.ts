import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import Payment from '#models/payment'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { createListing, koreanAddress, setPolicy, stockOf } from '#tests/helpers/commerce'
import { savedTestCard } from '#tests/helpers/payments'
import { cartWith } from '#tests/helpers/shop'

const VISA = '4242 4242 4242 4242'

/** A cart of the customer's with one listing (10,000 + 3,000 shipping), and the checkout body. */
async function checkoutFor(user: User, fields: Record<string, unknown>) {
  const { seller, variant } = await createListing({ price: 10_000, stock: 2 })
  await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
  const cart = await cartWith([{ variantId: variant.id, quantity: 1 }], user)
  const body = {
    cartId: cart.id,
    email: user.email,
    shippingAddress: koreanAddress(),
    paymentMethod: 'bank_transfer',
    ...fields,
  }
  return { body, variant }
}

test.group('Store API | checkout with saved methods', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('savedMethodId charges the customer’s saved card at once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const card = await savedTestCard(user, VISA)
    const { body } = await checkoutFor(user, { savedMethodId: card.id })

    const response = await client.post('/api/v1/checkout').json(body).withGuard('api').loginAs(user)
    response.assertStatus(201)
    assert.equal(response.body().data.status, OrderStatus.Paid)
    assert.containSubset(response.body().data.payment, {
      method: 'test_card',
      status: PaymentStatus.Captured,
      amount: 13_000,
      nextAction: null,
      methodSummary: { brand: 'visa', last4: '4242' },
    })
  })

  test('someone else’s savedMethodId is a 422 and nothing is written', async ({
    client,
    assert,
  }) => {
    const [user, other] = await UserFactory.createMany(2)
    const theirs = await savedTestCard(other, VISA)
    const { body, variant } = await checkoutFor(user, { savedMethodId: theirs.id })

    const response = await client.post('/api/v1/checkout').json(body).withGuard('api').loginAs(user)
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'savedMethodId')
    const guest = await client.post('/api/v1/checkout').json(body)
    guest.assertStatus(422)
    assert.lengthOf(await Order.all(), 0)
    assert.equal(await stockOf(variant.id), 2)
  })

  test('saveMethod asks the adapter to keep the method', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { body } = await checkoutFor(user, { paymentMethod: 'test_card', saveMethod: true })
    const response = await client.post('/api/v1/checkout').json(body).withGuard('api').loginAs(user)
    response.assertStatus(201)
    assert.equal(response.body().data.payment.nextAction.type, 'redirect')
    const payment = await Payment.firstOrFail()
    assert.isOk(payment.saveMethod)
  })
})
