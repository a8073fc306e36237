import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import CartItem from '#models/cart_item'
import Order from '#models/order'
import Payment from '#models/payment'
import Product from '#models/product'
import { UserFactory } from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { createListing, koreanAddress, setPolicy, stockOf } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'
import { cartWith, guestSession, savedAddress } from '#tests/helpers/shop'

/** The checkout form as a browser posts it. */
function checkoutForm(cart: { version: number }, overrides: Record<string, unknown> = {}) {
  return encodeForm({
    email: 'guest@example.com',
    shippingAddress: koreanAddress(),
    paymentMethod: 'bank_transfer',
    cartVersion: cart.version,
    ...overrides,
  })
}

/**
 * Posts the checkout form as the guest holding `cart`, as the page does: to
 * /checkout to place the order, or to /checkout/quote for "update shipping".
 */
function submitCheckout(
  client: ApiClient,
  cart: { id: string; version: number },
  overrides: Record<string, unknown> = {},
  url = '/checkout'
) {
  return client
    .post(url)
    .header('referer', '/checkout')
    .unsafeForm(checkoutForm(cart, overrides))
    .withSession(guestSession(cart.id))
    .withCsrfToken()
    .redirects(0)
}

test.group('Web | checkout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('shows every seller’s items and shipping, the payment methods and the total', async ({
    client,
  }) => {
    const first = await createListing({ price: 12_000 })
    const second = await createListing({ price: 30_000 })
    await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
    await setPolicy(second.seller, 'domestic', 'flat', { amount: 2500 })
    const cart = await cartWith([
      { variantId: first.variant.id, quantity: 2 },
      { variantId: second.variant.id, quantity: 1 },
    ])

    const response = await client.get('/checkout').withSession(guestSession(cart.id))
    response.assertStatus(200)
    response.assertTextIncludes(first.seller.name)
    response.assertTextIncludes(second.seller.name)
    response.assertTextIncludes('무통장입금')
    response.assertTextIncludes('테스트 카드')
    response.assertTextIncludes('₩59,500')
    response.assertTextIncludes(`name="cartVersion" value="${cart.version}"`)
  })

  test('address fields carry whole autocomplete tokens, so browsers fill them in', async ({
    client,
  }) => {
    const { variant, seller } = await createListing({ price: 12_000 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])

    const response = await client.get('/checkout').withSession(guestSession(cart.id))
    response.assertTextIncludes('autocomplete="shipping address-line1"')
    response.assertTextIncludes('autocomplete="shipping postal-code"')
    response.assertTextIncludes('autocomplete="email"')
  })

  test('a guest places an order paid by bank transfer and lands on its page', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ price: 20_000, stock: 3 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 2 }])

    const response = await submitCheckout(client, cart)
    response.assertStatus(302)
    const order = await Order.query().preload('payments').firstOrFail()
    response.assertHeader('location', `/orders/${order.number}`)
    assert.isString(response.session(`shop.orderKeys.${order.number}`))
    assert.equal(response.session('shop.cartCount'), 0)
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(order.email, 'guest@example.com')
    assert.isNull(order.userId)
    assert.equal(order.grandTotal, 40_000 + 3000)
    assert.equal(order.payments[0].adapter, 'bank_transfer')
    assert.equal(await stockOf(variant.id), 1)
    assert.lengthOf(await CartItem.query().where('cartId', cart.id), 0)
  })

  test('paying by test card sends the shopper to the sandbox card page', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await submitCheckout(client, cart, { paymentMethod: 'test_card' })
    response.assertStatus(302)
    const payment = await Payment.firstOrFail()
    assert.equal(response.header('location'), `/payments/test-card/${payment.attemptId}`)
  })

  test('“update shipping” re-prices the cart for the typed address and places nothing', async ({
    client,
    assert,
  }) => {
    const { seller, variant } = await createListing({ price: 10_000 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])

    const quoted = await submitCheckout(
      client,
      cart,
      { shippingAddress: koreanAddress('63100') },
      '/checkout/quote'
    )
    quoted.assertStatus(302)
    quoted.assertHeader('location', '/checkout')
    assert.equal(quoted.flashMessage('shippingAddress.postalCode'), '63100')
    assert.lengthOf(await Order.all(), 0)

    const page = await client
      .get('/checkout')
      .withSession(guestSession(cart.id))
      .withFlashMessages(quoted.flashMessages())
    page.assertStatus(200)
    page.assertTextIncludes('제주 추가 배송비')
    page.assertTextIncludes('value="63100"')
    page.assertTextIncludes('₩16,000')
  })

  test('field errors come back with what was typed and nothing is written', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 3 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])

    const response = await submitCheckout(client, cart, {
      email: 'not-an-email',
      shippingAddress: { ...koreanAddress('123'), line1: '' },
    })
    response.assertStatus(302)
    const errors = response.flashMessage('inputErrorsBag')
    assert.includeMembers(Object.keys(errors), [
      'email',
      'shippingAddress.postalCode',
      'shippingAddress.line1',
    ])
    assert.equal(response.flashMessage('shippingAddress.postalCode'), '123')
    assert.lengthOf(await Order.all(), 0)
    assert.equal(await stockOf(variant.id), 3)

    const page = await client
      .get('/checkout')
      .withSession(guestSession(cart.id))
      .withFlashMessages(response.flashMessages())
    page.assertTextIncludes('data-test="error-shippingAddress.postalCode"')
    page.assertTextIncludes('value="not-an-email"')
  })

  test('an address abroad needs a city', async ({ client, assert }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await submitCheckout(client, cart, {
      shippingAddress: { ...koreanAddress(), country: 'US', postalCode: '10001' },
    })
    assert.includeMembers(Object.keys(response.flashMessage('inputErrorsBag')), [
      'shippingAddress.city',
    ])
    assert.lengthOf(await Order.all(), 0)
  })

  test('a seller that does not ship there sends the shopper back with the reason', async ({
    client,
    assert,
  }) => {
    const { seller, variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const abroad = {
      ...koreanAddress(),
      country: 'US',
      postalCode: '10001',
      city: 'New York',
      line1: '1 Main St',
    }
    const response = await submitCheckout(client, cart, { shippingAddress: abroad })
    response.assertStatus(302)
    response.assertHeader('location', '/checkout')
    assert.equal(
      response.flashMessage('error'),
      `${seller.name}: 판매자가 이 국가로 배송하지 않습니다.`
    )
    assert.equal(response.flashMessage('shippingAddress.country'), 'US')
    assert.lengthOf(await Order.all(), 0)
  })

  test('stock that ran out sends the shopper back to the cart', async ({ client, assert }) => {
    const { variant } = await createListing({ stock: 5 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 3 }])
    variant.stock = 1
    await variant.save()

    const response = await submitCheckout(client, cart)
    response.assertStatus(302)
    response.assertHeader('location', '/cart')
    assert.include(response.flashMessage('error'), '재고가 1개 남았습니다 (요청 3개)')
    assert.lengthOf(await Order.all(), 0)
    assert.equal(await stockOf(variant.id), 1)
  })

  test('an item no longer for sale sends the shopper back to the cart', async ({
    client,
    assert,
  }) => {
    const { product, variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    await Product.query().where('id', product.id).update({ status: ProductStatus.Archived })

    const response = await submitCheckout(client, cart)
    response.assertHeader('location', '/cart')
    assert.include(response.flashMessage('error'), '더 이상 판매하지 않는 상품')
    assert.lengthOf(await Order.all(), 0)
  })

  test('a cart changed since the review is not placed', async ({ client, assert }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await submitCheckout(client, cart, { cartVersion: cart.version - 1 })
    response.assertHeader('location', '/checkout')
    assert.include(response.flashMessage('error'), '장바구니가 바뀌었습니다')
    assert.lengthOf(await Order.all(), 0)
  })

  test('an empty cart goes back to the cart page', async ({ client, assert }) => {
    const page = await client.get('/checkout').redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', '/cart')

    const cart = await cartWith([])
    const placed = await submitCheckout(client, cart)
    placed.assertHeader('location', '/cart')
    assert.equal(placed.flashMessage('error'), '장바구니가 비어 있습니다.')
    assert.lengthOf(await Order.all(), 0)
  })

  test('refuses a payment method that is not offered', async ({ client, assert }) => {
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const response = await submitCheckout(client, cart, { paymentMethod: 'free_money' })
    assert.deepEqual(response.flashMessage('inputErrorsBag').paymentMethod, [
      '제공되는 결제 수단 중에서 선택하세요',
    ])
    assert.lengthOf(await Order.all(), 0)
  })
})

test.group('Web | checkout for customers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('prefills the email and the default saved address', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'kim@example.com' }).create()
    await savedAddress(user, { recipient: '김고객', postalCode: '63100', isDefault: true })
    const { seller, variant } = await createListing()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    await cartWith([{ variantId: variant.id, quantity: 1 }], user)

    const response = await client.get('/checkout').loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('value="kim@example.com"')
    response.assertTextIncludes('value="김고객"')
    response.assertTextIncludes('제주 추가 배송비')
  })

  test('fills the form from a saved address; someone else’s is a 404', async ({ client }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()
    const mine = await savedAddress(user, { recipient: '회사' })
    const theirs = await savedAddress(other, { recipient: '남의 집' })
    const { variant } = await createListing()
    await cartWith([{ variantId: variant.id, quantity: 1 }], user)

    const picked = await client.get(`/checkout?address=${mine.id}`).loginAs(user)
    picked.assertStatus(200)
    picked.assertTextIncludes('value="회사"')
    const stolen = await client.get(`/checkout?address=${theirs.id}`).loginAs(user)
    stolen.assertStatus(404)
  })

  test('links the order to the account and keeps no key in the session', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { variant } = await createListing()
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }], user)
    const response = await client
      .post('/checkout')
      .unsafeForm(checkoutForm(cart, { email: user.email }))
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const order = await Order.firstOrFail()
    assert.equal(order.userId, user.id)
    assert.isUndefined(response.session('shop.orderKeys'))
  })
})
