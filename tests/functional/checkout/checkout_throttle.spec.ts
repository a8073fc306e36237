import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import config from '@adonisjs/core/services/config'
import limiter from '@adonisjs/limiter/services/main'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import { createListing, koreanAddress } from '#tests/helpers/commerce'
import { cartWith, guestSession } from '#tests/helpers/shop'

test.group('Checkout | rate limit per address', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    QueueManager.fake()
    const limit = config.get<number>('store.checkout.rateLimit')
    config.set('store.checkout.rateLimit', 2)
    await limiter.clear()
    return async () => {
      config.set('store.checkout.rateLimit', limit)
      await limiter.clear()
      QueueManager.restore()
    }
  })

  test('the third order from one address within ten minutes gets 429', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    const statuses = []
    for (let n = 0; n < 3; n++) {
      const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
      const response = await client.post('/api/v1/checkout').json({
        cartId: cart.id,
        email: `buyer${n}@example.com`,
        shippingAddress: koreanAddress(),
        paymentMethod: 'bank_transfer',
      })
      statuses.push(response.status())
      if (n === 2) assert.exists(response.header('retry-after'))
    }
    assert.deepEqual(statuses, [201, 201, 429])
    assert.lengthOf(await Order.all(), 2)
  })

  test('re-pricing the checkout page for another address is not counted', async ({ client }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    for (let n = 0; n < 4; n++) {
      const response = await client
        .post('/checkout')
        .form({ intent: 'quote', country: 'KR', postalCode: '63100' })
        .withSession(guestSession(cart.id))
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
    }
  })
})
