import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import Order from '#models/order'
import Payment from '#models/payment'
import ProductVariant from '#models/product_variant'
import CartItem from '#models/cart_item'
import { createListing, koreanAddress, stockOf } from '#tests/helpers/commerce'

async function cartWith(client: ApiClient, variantId: number, quantity = 1) {
  const created = await client.post('/api/v1/carts')
  const id = created.body().data.id as string
  const added = await client.post(`/api/v1/carts/${id}/items`).json({ variantId, quantity })
  added.assertStatus(201)
  return id
}

/** Asserts the checkout wrote nothing: no order, no payment, stock and cart untouched. */
async function assertNothingWritten(
  assert: Assert,
  cartId: string,
  variantId: number,
  stock: number
) {
  assert.lengthOf(await Order.all(), 0)
  assert.lengthOf(await Payment.all(), 0)
  assert.equal(await stockOf(variantId), stock)
  assert.lengthOf(await CartItem.query().where('cartId', cartId), 1)
}

test.group('Store API | checkout bad input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('refuses a Korean postal code that is not 5 digits', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 3 })
    const cartId = await cartWith(client, variant.id)
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: koreanAddress('1234'),
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'shippingAddress.postalCode')
    await assertNothingWritten(assert, cartId, variant.id, 3)
  })

  test('refuses a country code that does not exist', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 3 })
    const cartId = await cartWith(client, variant.id)
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: { ...koreanAddress(), country: 'XX', city: 'Nowhere', postalCode: '12345' },
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'shippingAddress.country')
    await assertNothingWritten(assert, cartId, variant.id, 3)
  })

  test('refuses a country the seller does not ship to', async ({ client, assert }) => {
    const { variant, seller } = await createListing({ stock: 3 })
    const cartId = await cartWith(client, variant.id)
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: {
        name: 'Jane Doe',
        phone: '+1 415 555 0100',
        country: 'US',
        postalCode: '94103',
        city: 'San Francisco',
        region: 'CA',
        line1: '1 Market St',
      },
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(422)
    const [error] = response.body().errors
    assert.equal(error.code, 'E_NOT_DELIVERABLE')
    assert.equal(error.sellerId, seller.id)
    await assertNothingWritten(assert, cartId, variant.id, 3)
  })

  test('refuses an international address without a city', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 3 })
    const cartId = await cartWith(client, variant.id)
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: {
        name: 'Jane',
        phone: '+1 415 555 0100',
        country: 'US',
        postalCode: '94103',
        line1: '1 Market St',
      },
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'shippingAddress.city')
    await assertNothingWritten(assert, cartId, variant.id, 3)
  })

  test('refuses a payment method that is not enabled', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 3 })
    const cartId = await cartWith(client, variant.id)
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bitcoin',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'paymentMethod')
    await assertNothingWritten(assert, cartId, variant.id, 3)
  })

  test('answers 409 E_OUT_OF_STOCK when stock ran out after the item was added', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 3 })
    const cartId = await cartWith(client, variant.id, 3)
    await ProductVariant.query().where('id', variant.id).update({ stock: 2 })
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(409)
    assert.deepInclude(response.body().errors[0], {
      code: 'E_OUT_OF_STOCK',
      variantId: variant.id,
      requested: 3,
      available: 2,
    })
    await assertNothingWritten(assert, cartId, variant.id, 2)
  })

  test('refuses a malformed email and an unknown cart', async ({ client }) => {
    const badEmail = await client.post('/api/v1/checkout').json({
      cartId: '00000000-0000-4000-8000-000000000000',
      email: 'not-an-email',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bank_transfer',
    })
    badEmail.assertStatus(422)
    badEmail.assertBodyContains({ errors: [{ field: 'email' }] })
    const unknown = await client.post('/api/v1/checkout').json({
      cartId: '00000000-0000-4000-8000-000000000000',
      email: 'guest@example.com',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bank_transfer',
    })
    unknown.assertStatus(422)
    unknown.assertBodyContains({ errors: [{ field: 'cartId' }] })
  })
})

test.group('Store API | carts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('adding more than is in stock answers 409 and leaves the cart as it was', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 2 })
    const cartId = await cartWith(client, variant.id, 2)
    const response = await client
      .post(`/api/v1/carts/${cartId}/items`)
      .json({ variantId: variant.id, quantity: 1 })
    response.assertStatus(409)
    assert.equal(response.body().errors[0].available, 2)
    const [line] = await CartItem.query().where('cartId', cartId)
    assert.equal(line.quantity, 2)
  })

  test('changes and removes lines, recomputing the totals', async ({ client, assert }) => {
    const { variant } = await createListing({ price: 7_000, stock: 9 })
    const cartId = await cartWith(client, variant.id, 1)
    const [line] = await CartItem.query().where('cartId', cartId)

    const changed = await client
      .patch(`/api/v1/carts/${cartId}/items/${line.id}`)
      .json({ quantity: 4 })
    changed.assertStatus(200)
    assert.equal(changed.body().data.totals.subtotal, 28_000)

    const removed = await client.delete(`/api/v1/carts/${cartId}/items/${line.id}`)
    removed.assertStatus(200)
    assert.lengthOf(removed.body().data.sellers, 0)
    assert.equal(removed.body().data.totals.grandTotal, 0)
  })

  test('refuses bad quantities, unknown variants and unknown carts', async ({ client }) => {
    const { variant } = await createListing({ stock: 5 })
    const created = await client.post('/api/v1/carts')
    const cartId = created.body().data.id
    const zero = await client
      .post(`/api/v1/carts/${cartId}/items`)
      .json({ variantId: variant.id, quantity: 0 })
    zero.assertStatus(422)
    zero.assertBodyContains({ errors: [{ field: 'quantity' }] })
    const overLimit = await client
      .post(`/api/v1/carts/${cartId}/items`)
      .json({ variantId: variant.id, quantity: 100 })
    overLimit.assertStatus(422)
    const unknown = await client
      .post(`/api/v1/carts/${cartId}/items`)
      .json({ variantId: 999999, quantity: 1 })
    unknown.assertStatus(422)
    unknown.assertBodyContains({ errors: [{ code: 'E_ITEM_UNAVAILABLE' }] })
    const noCart = await client.get('/api/v1/carts/00000000-0000-4000-8000-000000000000')
    noCart.assertStatus(404)
  })

  test('does not sell a product that is not published', async ({ client }) => {
    const { variant, product } = await createListing({ stock: 5 })
    product.status = ProductStatus.Draft
    await product.save()
    const created = await client.post('/api/v1/carts')
    const cartId = created.body().data.id
    const response = await client
      .post(`/api/v1/carts/${cartId}/items`)
      .json({ variantId: variant.id, quantity: 1 })
    response.assertStatus(422)
    response.assertBodyContains({ errors: [{ code: 'E_ITEM_UNAVAILABLE' }] })
  })
})
