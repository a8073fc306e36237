import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import CartItem from '#models/cart_item'
import Order from '#models/order'
import { createListing, koreanAddress } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'
import { cartWith, guestSession } from '#tests/helpers/shop'
import { errorsOf } from '../api/helpers.js'

test.group('Cart and checkout | quantities and ids must be numbers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the Store API refuses a quantity sent as {label}, and adds nothing')
    .with([
      { label: '[1]', quantity: [1] },
      { label: 'true', quantity: true },
      { label: '["2"]', quantity: ['2'] },
    ])
    .run(async ({ client, assert }, { quantity }) => {
      const { variant } = await createListing({ stock: 10 })
      const cart = await cartWith([])
      const added = await client
        .post(`/api/v1/carts/${cart.id}/items`)
        .json({ variantId: variant.id, quantity })
      added.assertStatus(422)
      assert.deepEqual(errorsOf(added), [{ field: 'quantity', code: 'number' }])
      assert.lengthOf(await CartItem.all(), 0)
    })

  test('the Store API refuses a new quantity sent as [3] or true, and changes nothing', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const [line] = await CartItem.query().where('cart_id', cart.id)
    for (const quantity of [[3], true]) {
      const response = await client
        .patch(`/api/v1/carts/${cart.id}/items/${line.id}`)
        .json({ quantity })
      response.assertStatus(422)
      assert.deepEqual(errorsOf(response), [{ field: 'quantity', code: 'number' }])
    }
    await line.refresh()
    assert.equal(line.quantity, 1)
  })

  test('a variant id sent as [id] is refused too', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([])
    const response = await client
      .post(`/api/v1/carts/${cart.id}/items`)
      .json({ variantId: [variant.id], quantity: 1 })
    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'variantId', code: 'number' }])
    assert.lengthOf(await CartItem.all(), 0)
  })

  test('the cart form refuses a quantity posted twice (quantity[]=1), and adds nothing', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    const response = await client
      .post('/cart/items')
      .header('referer', '/products/x')
      .unsafeForm(encodeForm({ variantId: variant.id, quantity: ['1'] }))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.exists(response.flashMessage('error'))
    assert.lengthOf(await CartItem.all(), 0)
  })

  test('the cart form refuses a changed quantity posted twice, and changes nothing', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const [line] = await CartItem.query().where('cart_id', cart.id)
    await client
      .put(`/cart/items/${line.id}`)
      .header('referer', '/cart')
      .unsafeForm(encodeForm({ quantity: ['4'] }))
      .withSession(guestSession(cart.id))
      .withCsrfToken()
      .redirects(0)
    await line.refresh()
    assert.equal(line.quantity, 1)
  })

  test('checkout refuses a saved-method id sent as [id], and places nothing', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await client.post('/api/v1/checkout').json({
      cartId: cart.id,
      email: 'buyer@example.com',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bank_transfer',
      savedMethodId: [1],
    })
    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'savedMethodId', code: 'number' }])
    assert.lengthOf(await Order.all(), 0)
  })

  test('the checkout form refuses a cart version sent as [version]', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await client
      .post('/checkout')
      .header('referer', '/checkout')
      .unsafeForm(
        encodeForm({
          email: 'guest@example.com',
          shippingAddress: koreanAddress(),
          paymentMethod: 'bank_transfer',
          cartVersion: [String(cart.version)],
        })
      )
      .withSession(guestSession(cart.id))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/checkout')
    assert.lengthOf(await Order.all(), 0)
  })
})
