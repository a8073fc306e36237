import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Cart from '#models/cart'
import CartItem from '#models/cart_item'
import ProductVariant from '#models/product_variant'
import { UserFactory } from '#database/factories/index'
import { CartService } from '#services/cart/cart_service'
import { createListing, setPolicy } from '#tests/helpers/commerce'
import { cartWith, guestSession } from '#tests/helpers/shop'
import app from '@adonisjs/core/services/app'

test.group('Web | cart page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest adds an item from the product page and the header counts it', async ({
    client,
    assert,
  }) => {
    const { product, variant } = await createListing({ price: 12_000, stock: 5 })
    const page = await client.get(`/products/${product.slug}`)
    page.assertStatus(200)
    page.assertTextIncludes('data-test="add-to-cart"')
    page.assertTextIncludes(`value="${variant.id}"`)

    const response = await client
      .post('/cart/items')
      .form({ variantId: variant.id, quantity: 2 })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/cart')
    const cartId = response.session().shop.cartId
    assert.equal(response.session().shop.cartCount, 2)
    const [line] = await CartItem.query().where('cartId', cartId)
    assert.equal(line.quantity, 2)

    const cart = await client.get('/cart').withSession(guestSession(cartId))
    cart.assertStatus(200)
    cart.assertTextIncludes(product.title)
    cart.assertTextIncludes('₩24,000')
    cart.assertTextIncludes(`href="/sellers/`)
    cart.assertTextIncludes('data-test="cart-count">2<')
  })

  test('groups lines by seller with each seller’s shipping and the grand total', async ({
    client,
  }) => {
    const first = await createListing({ price: 10_000 })
    const second = await createListing({ price: 20_000 })
    await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
    await setPolicy(second.seller, 'domestic', 'flat', { amount: 2500 })
    const cart = await cartWith([
      { variantId: first.variant.id, quantity: 1 },
      { variantId: second.variant.id, quantity: 1 },
    ])

    const response = await client.get('/cart').withSession(guestSession(cart.id))
    response.assertStatus(200)
    response.assertTextIncludes(first.seller.name)
    response.assertTextIncludes(second.seller.name)
    response.assertTextIncludes('기본 배송비')
    response.assertTextIncludes('₩35,500')
  })

  test('quotes the Jeju surcharge for the destination the shopper picks', async ({
    client,
    assert,
  }) => {
    const { seller, variant } = await createListing({ price: 10_000 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])

    const response = await client
      .get('/cart?country=KR&postalCode=63100')
      .withSession(guestSession(cart.id))
    response.assertStatus(200)
    response.assertTextIncludes('제주 추가 배송비')
    response.assertTextIncludes('₩16,000')
    assert.deepEqual(response.session('shop.shipTo'), { country: 'KR', postalCode: '63100' })
  })

  test('says a seller does not ship abroad, with the reason', async ({ client }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])

    const response = await client
      .get('/cart?country=US&postalCode=10001')
      .withSession(guestSession(cart.id))
    response.assertStatus(200)
    response.assertTextIncludes('배송 불가: 판매자가 이 국가로 배송하지 않습니다.')
    response.assertTextIncludes('data-test="not-orderable"')
  })

  test('shows a malformed destination as an error and quotes the home country', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await client.get('/cart?country=Korea').withSession(guestSession(cart.id))
    response.assertStatus(422)
    response.assertTextIncludes('class="error"')
    assert.isUndefined(response.session('shop.shipTo'))
  })

  test('updates a quantity and removes a line', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 10 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const [line] = await CartItem.query().where('cartId', cart.id)

    const updated = await client
      .put(`/cart/items/${line.id}`)
      .form({ quantity: 3 })
      .withSession(guestSession(cart.id))
      .withCsrfToken()
      .redirects(0)
    updated.assertStatus(302)
    updated.assertFlashMessage('success', '수량을 변경했습니다.')
    assert.equal(updated.session().shop.cartCount, 3)
    await line.refresh()
    assert.equal(line.quantity, 3)

    const removed = await client
      .delete(`/cart/items/${line.id}`)
      .withSession(guestSession(cart.id))
      .withCsrfToken()
      .redirects(0)
    removed.assertStatus(302)
    assert.equal(removed.session().shop.cartCount, 0)
    assert.lengthOf(await CartItem.query().where('cartId', cart.id), 0)
  })

  test('refuses more than the stock and writes nothing', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 2 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const [line] = await CartItem.query().where('cartId', cart.id)

    const response = await client
      .put(`/cart/items/${line.id}`)
      .form({ quantity: 5 })
      .withSession(guestSession(cart.id))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.include(response.flashMessage('error'), '재고가 2개 남았습니다')
    await line.refresh()
    assert.equal(line.quantity, 1)
  })

  test('refuses malformed input and an unknown variant without leaving a cart behind', async ({
    client,
    assert,
  }) => {
    const malformed = await client
      .post('/cart/items')
      .header('referer', '/')
      .form({ variantId: 'abc', quantity: 0 })
      .withCsrfToken()
      .redirects(0)
    malformed.assertStatus(302)
    assert.isString(malformed.flashMessage('error'))

    const unknown = await client
      .post('/cart/items')
      .header('referer', '/')
      .form({ variantId: 999_999, quantity: 1 })
      .withCsrfToken()
      .redirects(0)
    unknown.assertStatus(302)
    assert.include(unknown.flashMessage('error'), '더 이상 판매하지 않는')
    assert.isUndefined(unknown.session().shop?.cartId)
    assert.lengthOf(await Cart.all(), 0)
  })

  test('a line of someone else’s cart does not exist', async ({ client, assert }) => {
    const { variant } = await createListing()
    const theirs = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const [line] = await CartItem.query().where('cartId', theirs.id)
    const mine = await cartWith([])

    const withoutCart = await client
      .put(`/cart/items/${line.id}`)
      .form({ quantity: 2 })
      .withCsrfToken()
    withoutCart.assertStatus(404)
    const withOwnCart = await client
      .delete(`/cart/items/${line.id}`)
      .withSession(guestSession(mine.id))
      .withCsrfToken()
    withOwnCart.assertStatus(404)
    await line.refresh()
    assert.equal(line.quantity, 1)
  })

  test('says which lines ran out or are no longer for sale', async ({ client }) => {
    const short = await createListing({ stock: 5 })
    const cart = await cartWith([{ variantId: short.variant.id, quantity: 3 }])
    await ProductVariant.query().where('id', short.variant.id).update({ stock: 1 })

    const response = await client.get('/cart').withSession(guestSession(cart.id))
    response.assertStatus(200)
    response.assertTextIncludes('재고가 1개 남았습니다')
    response.assertTextIncludes('data-test="not-orderable"')
  })

  test('shows an empty cart', async ({ client }) => {
    const response = await client.get('/cart')
    response.assertStatus(200)
    response.assertTextIncludes('장바구니가 비어 있습니다.')
  })

  test('a signed-in customer’s lines go to their own cart', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { variant } = await createListing()
    const response = await client
      .post('/cart/items')
      .form({ variantId: variant.id, quantity: 1 })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const cart = await Cart.findByOrFail('userId', user.id)
    assert.lengthOf(await CartItem.query().where('cartId', cart.id), 1)
    assert.isUndefined(response.session().shop?.cartId)
  })
})

test.group('Web | cart merge at sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('moves the guest cart into the customer’s cart at login', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const first = await createListing({ stock: 10 })
    const second = await createListing({ stock: 10 })
    const carts = await app.container.make(CartService)
    await carts.addItem(await carts.forUser(user), first.variant.id, 1)
    const guestOne = await cartWith([
      { variantId: first.variant.id, quantity: 2 },
      { variantId: second.variant.id, quantity: 1 },
    ])

    const response = await client
      .post('/login')
      .form({ email: user.email, password: 'secret-password' })
      .withSession(guestSession(guestOne.id))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.isUndefined(response.session().shop.cartId)
    assert.equal(response.session().shop.cartCount, 4)
    const cart = await Cart.findByOrFail('userId', user.id)
    const lines = await CartItem.query().where('cartId', cart.id).orderBy('variantId')
    assert.deepEqual(
      lines.map((line) => [line.variantId, line.quantity]),
      [
        [first.variant.id, 3],
        [second.variant.id, 1],
      ]
    )
    assert.isNull(await Cart.find(guestOne.id))
  })

  test('gives a new customer the guest cart at sign-up', async ({ client, assert }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 2 }])

    const response = await client
      .post('/signup')
      .form({ name: '새 고객', email: 'new-shopper@example.com', password: 'long-enough-1' })
      .withSession(guestSession(cart.id))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.equal(response.session().shop.cartCount, 2)
    const owned = await Cart.query().whereNotNull('userId').firstOrFail()
    assert.lengthOf(await CartItem.query().where('cartId', owned.id), 1)
  })

  test('forgets the cart count at logout', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/logout')
      .withSession({ shop: { cartCount: 3 } })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.isUndefined(response.session('shop.cartCount'))
  })
})
