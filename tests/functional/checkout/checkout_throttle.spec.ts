import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import config from '@adonisjs/core/services/config'
import limiter from '@adonisjs/limiter/services/main'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import type ProductVariant from '#models/product_variant'
import { createListing, koreanAddress } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'
import { cartWith, guestSession } from '#tests/helpers/shop'

/** A complete API checkout of a fresh one-item cart, with `extra` fields. */
async function apiCheckout(
  client: ApiClient,
  variant: ProductVariant,
  extra: Record<string, unknown> = {},
  url = '/api/v1/checkout'
) {
  const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
  return client.post(url).json({
    cartId: cart.id,
    email: 'buyer@example.com',
    shippingAddress: koreanAddress(),
    paymentMethod: 'bank_transfer',
    ...extra,
  })
}

/** Places `count` orders through the API, each of which must be accepted. */
async function placeOrders(client: ApiClient, variant: ProductVariant, count: number) {
  for (let n = 0; n < count; n++) {
    const placed = await apiCheckout(client, variant)
    placed.assertStatus(201)
  }
}

/** The storefront's checkout form, complete enough to place an order, posted to `url`. */
async function webCheckout(
  client: ApiClient,
  variant: ProductVariant,
  url: string,
  extra: Record<string, unknown> = {}
) {
  const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
  return client
    .post(url)
    .header('referer', '/checkout')
    .unsafeForm(
      encodeForm({
        email: 'guest@example.com',
        shippingAddress: koreanAddress('63100'),
        paymentMethod: 'bank_transfer',
        cartVersion: cart.version,
        ...extra,
      })
    )
    .withSession(guestSession(cart.id))
    .withCsrfToken()
    .redirects(0)
}

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
      const response = await apiCheckout(client, variant, { email: `buyer${n}@example.com` })
      statuses.push(response.status())
      if (n === 2) assert.exists(response.header('retry-after'))
    }
    assert.deepEqual(statuses, [201, 201, 429])
    assert.lengthOf(await Order.all(), 2)
  })

  test('once the limit is used up, an API checkout saying intent=quote (body or query) gets 429', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    await placeOrders(client, variant, 2)

    const inBody = await apiCheckout(client, variant, { intent: 'quote' })
    inBody.assertStatus(429)
    const inQuery = await apiCheckout(client, variant, {}, '/api/v1/checkout?intent=quote')
    inQuery.assertStatus(429)
    assert.lengthOf(await Order.all(), 2)
  })

  test('once the limit is used up, the web checkout saying intent=quote (form or query) gets 429', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    await placeOrders(client, variant, 2)

    const inForm = await webCheckout(client, variant, '/checkout', { intent: 'quote' })
    inForm.assertStatus(429)
    const inQuery = await webCheckout(client, variant, '/checkout?intent=quote')
    inQuery.assertStatus(429)
    assert.lengthOf(await Order.all(), 2)
  })

  test('“update shipping” posts to its own route: never counted, never an order', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    for (let n = 0; n < 4; n++) {
      const quoted = await webCheckout(client, variant, '/checkout/quote', { intent: 'place' })
      quoted.assertStatus(302)
      quoted.assertHeader('location', '/checkout')
      assert.equal(quoted.flashMessage('shippingAddress.postalCode'), '63100')
    }
    assert.lengthOf(await Order.all(), 0)

    // The whole limit is still there for placing orders.
    await placeOrders(client, variant, 2)
    const third = await apiCheckout(client, variant)
    third.assertStatus(429)
  })
})

test.group('Checkout | rate limit per IPv6 network', (group) => {
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

  test('a client cannot reset the count by moving to another address of its /64', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    // The test client connects over loopback, which counts as a trusted proxy:
    // X-Forwarded-For says which client the request came from.
    const from = async (address: string) => {
      const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
      return client.post('/api/v1/checkout').header('x-forwarded-for', address).json({
        cartId: cart.id,
        email: 'buyer@example.com',
        shippingAddress: koreanAddress(),
        paymentMethod: 'bank_transfer',
      })
    }
    const statuses = []
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ab::9']) {
      const response = await from(address)
      statuses.push(response.status())
    }
    assert.deepEqual(statuses, [201, 201, 429])
    const otherNetwork = await from('2001:db8:1:3::1')
    otherNetwork.assertStatus(201)
  })
})
