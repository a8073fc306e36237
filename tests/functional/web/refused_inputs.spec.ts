import { test } from '@japa/runner'
import Order from '#models/order'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import ProductVariant from '#models/product_variant'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { createListing, setPolicy } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'
import { cartWith, guestSession } from '#tests/helpers/shop'
import { save, versionsOf } from '#tests/functional/seller/shipping_helpers'

/*
 * Input that used to be dropped or ignored without a word (item 8): each is
 * now refused with an error on the field it came from, and nothing changes.
 */
test.group('Refused inputs | shipping, audit, cart', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('refuses invalid extra 도서산간 postal ranges with an error on the box for each wrong line', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()

    const response = await save(client, owner, 'surcharge', {
      code: 'remote_area',
      version: 0,
      options: {
        jejuAmount: '3000',
        islandAmount: '5000',
        extraRanges: '12345-12399\r\n1234\r\n55555-44444\r\n',
      },
    })

    response.assertStatus(302)
    assert.deepEqual(response.flashMessage('inputErrorsBag'), {
      'options.extraRanges': [
        '2번째 줄 "1234": 우편번호는 다섯 자리 숫자로, 범위는 "63000-63644"처럼 적어 주세요.',
        '3번째 줄 "55555-44444": 범위의 끝 우편번호가 시작보다 앞섭니다.',
      ],
    })
    assert.lengthOf(await versionsOf(seller, 'surcharge'), 0)

    const page = await client
      .get('/seller/shipping')
      .withFlashMessages(response.flashMessages())
      .loginAs(owner)
    page.assertTextIncludes('data-test="error-options.extraRanges"')
    page.assertTextIncludes('2번째 줄 &quot;1234&quot;')
  })

  test('answers an audit date range that ends before it starts with 422 and no events', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await createSellerOwner('pending')
    await client.post(`/admin/sellers/${seller.id}/approve`).loginAs(admin).withCsrfToken()
    assert.isNotNull(await AuditEvent.first())

    const response = await client
      .get('/admin/audit')
      .qs({ from: '2025-05-01', to: '2025-01-01' })
      .header('referer', '/admin/audit')
      .loginAs(admin)
      .redirects(0)

    response.assertStatus(422)
    response.assertTextIncludes('data-field="to"')
    assert.notInclude(response.text(), 'data-test="audit-row"')
    response.assertTextIncludes('href="/admin/audit"')
  })

  test('refuses the cart postal code "123" for Korea on the page and in the API', async ({
    client,
    assert,
  }) => {
    const { variant, seller } = await createListing({ price: 10_000 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])

    const page = await client
      .get('/cart')
      .qs({ country: 'KR', postalCode: '123' })
      .withSession(guestSession(cart.id))
    const api = await client
      .get(`/api/v1/carts/${cart.id}`)
      .qs({ country: 'KR', postalCode: '123' })
    const homeCountry = await client.get(`/api/v1/carts/${cart.id}`).qs({ postalCode: '123' })

    page.assertStatus(422)
    page.assertTextIncludes('우편번호')
    assert.isUndefined(page.session().shop?.shipTo)
    api.assertStatus(422)
    assert.equal(api.body().errors[0].field, 'postalCode')
    homeCountry.assertStatus(422)
  })

  test('refuses "123" as a Korean postal code in the shipping simulator', async ({ client }) => {
    const { owner } = await createSellerOwner()

    const response = await client
      .post('/seller/shipping/quote')
      .unsafeForm(
        encodeForm({
          items: [{ quantity: '1', unitPrice: '10000', weightGrams: '500' }],
          country: 'KR',
          postalCode: '123',
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      postalCode: ['우편번호 형식이 올바르지 않습니다'],
    })
  })
})

test.group('Refused inputs | forms and filters found by the sweep', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('keeps a half-filled variant row, so it gets field errors instead of vanishing', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const product = await createProduct(seller, category, { prices: [10_000] })
    const [variant] = product.variants

    const response = await client
      .put(`/seller/products/${product.id}`)
      .unsafeForm(
        encodeForm({
          title: product.title,
          categoryId: category.id,
          variants: [
            { id: variant.id, sku: variant.sku, price: '10000', stock: '3' },
            { sku: '', price: '', stock: '', weightGrams: '700' },
          ],
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.include(Object.keys(response.flashMessage('inputErrorsBag')), 'variants.1.sku')
    assert.lengthOf(await ProductVariant.query().where('productId', product.id), 1)
  })

  test('refuses option values typed under a column without a name', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const product = await createProduct(seller, category, { prices: [10_000] })
    const [variant] = product.variants

    const response = await client
      .put(`/seller/products/${product.id}`)
      .unsafeForm(
        encodeForm({
          title: product.title,
          categoryId: category.id,
          optionNames: ['', ''],
          variants: [
            {
              id: variant.id,
              sku: variant.sku,
              optionValues: ['', '블루'],
              price: '10000',
              stock: '3',
            },
          ],
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.deepEqual(response.flashMessage('inputErrorsBag'), {
      'optionNames.1': ['2번째 옵션 열에 값이 있습니다. 옵션 이름을 입력하세요.'],
    })
    await variant.refresh()
    assert.deepEqual(variant.options, {})
  })

  test('answers a malformed back-office or seller-center filter with 422, not the whole list', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { owner } = await createSellerOwner()

    const orders = await client.get('/admin/orders').qs({ status: 'bogus' }).loginAs(admin)
    const sellers = await client.get('/admin/sellers').qs({ page: '0' }).loginAs(admin)
    const products = await client.get('/seller/products').qs({ status: 'bogus' }).loginAs(owner)
    const shipping = await client
      .get('/seller/shipping')
      .qs({ domestic: 'x'.repeat(61) })
      .loginAs(owner)

    for (const response of [orders, sellers, products, shipping]) {
      response.assertStatus(422)
      response.assertTextIncludes('data-test="filter-error"')
    }
  })

  test('refuses a shipping form whose scope is not the one in its address', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()

    const response = await client
      .put('/seller/shipping/domestic')
      .unsafeForm(
        encodeForm({
          scope: 'international',
          code: 'flat',
          version: 0,
          options: { amount: '1000' },
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.property(response.flashMessage('inputErrorsBag'), 'scope')
    assert.lengthOf(await versionsOf(seller, 'domestic'), 0)
  })

  test('re-pricing the checkout refuses an invalid postal code', async ({ client, assert }) => {
    const { variant, seller } = await createListing({ price: 10_000 })
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const cart = await cartWith([{ variantId: variant.id, quantity: 1 }])
    const post = (fields: Record<string, unknown>) =>
      client
        .post('/checkout/quote')
        .header('referer', '/checkout')
        .unsafeForm(
          encodeForm({ email: 'guest@example.com', cartVersion: cart.version, ...fields })
        )
        .withSession(guestSession(cart.id))
        .withCsrfToken()
        .redirects(0)

    const quote = await post({ shippingAddress: { country: 'KR', postalCode: '123' } })

    quote.assertStatus(302)
    assert.isNull(await Order.query().first(), 're-pricing never places an order')
    quote.assertFlashMessage('inputErrorsBag', {
      'shippingAddress.postalCode': ['우편번호 형식이 올바르지 않습니다'],
    })
  })
})
