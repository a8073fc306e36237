import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import User from '#models/user'
import { CategoryFactory, UserFactory, createSellerOwner } from '#database/factories/index'
import { createListing } from '#tests/helpers/commerce'
import { countRows, productBody } from './helpers.js'

/** One past the largest id a row can have (PostgreSQL `integer`). */
const BEYOND_INT = 2 ** 31

test.group('Input bounds | integers beyond the columns', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('refuses a price filter beyond the highest price', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').qs({ minPrice: BEYOND_INT })

    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'minPrice')
  })

  test('reads a category or seller filter too large to be an id as a slug', async ({ client }) => {
    for (const filter of ['category', 'seller']) {
      const response = await client.get('/api/v1/products').qs({ [filter]: String(BEYOND_INT) })
      response.assertStatus(200)
      response.assertBodyContains({ data: [] })
    }
    const page = await client.get(`/sellers/${BEYOND_INT}`)
    page.assertStatus(404)
  })

  test('refuses a variant id beyond the column in a cart line', async ({ client, assert }) => {
    const cart = await client.post('/api/v1/carts')
    const cartId = cart.body().data.id

    const response = await client
      .post(`/api/v1/carts/${cartId}/items`)
      .json({ variantId: BEYOND_INT, quantity: 1 })

    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'variantId')
    assert.equal(await countRows('cart_items'), 0)
  })

  test('refuses a category id beyond the column in a new product', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { owner } = await createSellerOwner()

    const response = await client
      .post('/api/v1/seller/products')
      .json({ ...productBody(category.id), categoryId: BEYOND_INT })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'categoryId')
    assert.equal(await countRows('products'), 0)
  })

  test('answers product and cart-item ids beyond the column with 404', async ({ client }) => {
    const { owner } = await createSellerOwner()
    const { variant } = await createListing()
    const cart = await client.post('/api/v1/carts')
    const cartId = cart.body().data.id
    await client.post(`/api/v1/carts/${cartId}/items`).json({ variantId: variant.id, quantity: 1 })

    const product = await client
      .get(`/api/v1/seller/products/${BEYOND_INT}`)
      .withGuard('api')
      .loginAs(owner)
    const line = await client
      .patch(`/api/v1/carts/${cartId}/items/${BEYOND_INT}`)
      .json({ quantity: 2 })
    const cartLine = await client.delete(`/cart/items/${BEYOND_INT}`).withCsrfToken()

    product.assertStatus(404)
    line.assertStatus(404)
    cartLine.assertStatus(404)
  })
})

test.group('Input bounds | NUL characters', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('refuses a NUL in a path with 400', async ({ client }) => {
    const page = await client.get('/products/%00')
    const api = await client.get('/api/v1/products/%00')

    page.assertStatus(400)
    api.assertStatus(400)
    api.assertBodyContains({ errors: [{ code: 'E_NUL_CHARACTER' }] })
  })

  test('refuses a NUL in a search with 400', async ({ client }) => {
    const api = await client.get('/api/v1/products').qs({ q: 'a\u0000b' })
    const page = await client.get('/search?q=%00')

    api.assertStatus(400)
    page.assertStatus(400)
    page.assertTextIncludes('쓸 수 없는 문자(NUL)')
  })

  test('refuses a NUL in a JSON or form field and writes nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const register = await client
      .post('/api/v1/auth/register')
      .json({ email: 'nul@example.com', password: 'long-enough-1', name: '홍\u0000길동' })
    const profile = await client
      .put('/account')
      .form({ fullName: '홍\u0000길동' })
      .withCsrfToken()
      .loginAs(user)

    register.assertStatus(400)
    register.assertBodyContains({ errors: [{ code: 'E_NUL_CHARACTER' }] })
    profile.assertStatus(400)
    assert.isNull(await User.findBy('email', 'nul@example.com'))
    await user.refresh()
    assert.notInclude(user.fullName, '\u0000')
  })
})
