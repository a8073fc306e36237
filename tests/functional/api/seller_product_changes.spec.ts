import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Product from '#models/product'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { auditTrail, errorsOf } from './helpers.js'

/** An approved seller's owner with one product in `status`, priced 10,000 and 20,000. */
async function sellerWithProduct(status: ProductStatus = ProductStatus.Draft) {
  const category = await CategoryFactory.create()
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, category, { status, prices: [10_000, 20_000] })
  return { owner, seller, category, product }
}

/** The product's variants as the PATCH body lists them, with `changes` applied to the first. */
function variantsOf(product: Product, changes: Record<string, unknown> = {}) {
  return product.variants.map((variant, index) => ({
    id: variant.id,
    sku: variant.sku,
    price: variant.price,
    stock: variant.stock,
    options: variant.options,
    ...(index === 0 ? changes : {}),
  }))
}

test.group('Store API | seller product changes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('two variants can swap their SKUs in one update', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const [first, second] = product.variants
    const [firstSku, secondSku] = [first.sku, second.sku]

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({
        variants: [
          {
            id: first.id,
            sku: second.sku,
            price: first.price,
            stock: first.stock,
            options: first.options,
          },
          {
            id: second.id,
            sku: first.sku,
            price: second.price,
            stock: second.stock,
            options: second.options,
          },
        ],
      })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    await first.refresh()
    await second.refresh()
    assert.deepEqual([first.sku, second.sku], [secondSku, firstSku])
  })

  test('updates listed variants, adds new ones and removes those left out', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const [kept, dropped] = product.variants

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({
        variants: [
          { id: kept.id, sku: kept.sku, price: 12_000, stock: 3, options: { 색상: '블랙' } },
          { sku: 'NEW-WHITE', price: 8_000, stock: 1, options: { 색상: '화이트' } },
        ],
      })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    await product.refresh()
    await product.load('variants')
    assert.deepEqual(
      product.variants.map((variant) => [variant.sku, variant.price, variant.stock]),
      [
        [kept.sku, 12_000, 3],
        ['NEW-WHITE', 8_000, 1],
      ]
    )
    assert.equal(product.variants[0].id, kept.id)
    assert.notInclude(
      product.variants.map((variant) => variant.id),
      dropped.id
    )
    assert.equal(product.minPrice, 8_000)
    assert.equal(response.body().data.price.amount, 8_000)
    assert.equal(response.body().data.status, 'draft')
  })

  test('sends a published product back to review when its title changes', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct(ProductStatus.Published)

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ title: '새 이름의 상품' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'pending_review')
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
    assert.equal(product.title, '새 이름의 상품')
    assert.isNotNull(product.submittedAt)
    const storefront = await client.get(`/api/v1/products/${product.slug}`)
    storefront.assertStatus(404)
    const [event] = await auditTrail('product', product.id)
    assert.equal(event.action, 'product.updated')
    assert.equal(event.actorRole, 'seller')
    assert.equal(event.diff.after.status, 'pending_review')
  })

  test('keeps a published product on sale when only its price and stock change', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct(ProductStatus.Published)

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ variants: variantsOf(product, { price: 9_500, stock: 0 }) })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'published')
    await product.refresh()
    assert.equal(product.status, ProductStatus.Published)
    assert.equal(product.minPrice, 9_500)
    const storefront = await client.get(`/api/v1/products/${product.slug}`)
    storefront.assertStatus(200)
    assert.deepEqual(storefront.body().data.price, { amount: 9_500, currency: 'KRW' })
    assert.equal(storefront.body().data.variants[0].stock, 0)
  })

  test('rejects invalid changes and leaves the product as it was', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ title: 'x', variants: variantsOf(product, { price: -1 }) })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(422)
    assert.sameDeepMembers(errorsOf(response), [
      { field: 'title', code: 'minLength' },
      { field: 'variants.0.price', code: 'min' },
    ])
    const unchanged = await Product.query()
      .where('id', product.id)
      .preload('variants')
      .firstOrFail()
    assert.equal(unchanged.title, product.title)
    assert.deepEqual(
      unchanged.variants.map((variant) => variant.price),
      [10_000, 20_000]
    )
    assert.lengthOf(await auditTrail('product', product.id), 0)
  })

  test('rejects a variant id that belongs to another product', async ({ client, assert }) => {
    const { owner, seller, category, product } = await sellerWithProduct()
    const other = await createProduct(seller, category)

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ variants: variantsOf(product, { id: other.variants[0].id }) })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'variants.0.id', code: 'variantId' }])
    await other.load('variants')
    assert.lengthOf(other.variants, 1)
  })

  test('refuses to edit a product in review with 409', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct(ProductStatus.PendingReview)

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ title: '심사 중 수정' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(409)
    assert.deepEqual(errorsOf(response), [{ code: 'E_INVALID_TRANSITION' }])
    await product.refresh()
    assert.notEqual(product.title, '심사 중 수정')
  })
})

test.group('Store API | seller product submission', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('sends a draft to review and records who did it', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()

    const response = await client
      .post(`/api/v1/seller/products/${product.id}/submit`)
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'pending_review')
    assert.isNotNull(response.body().data.submittedAt)
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
    const [event] = await auditTrail('product', product.id)
    assert.equal(event.action, 'product.submitted')
    assert.equal(event.actorId, owner.id)
    assert.equal(event.actorRole, 'seller')
  })

  test('resubmits a rejected product and clears the rejection reason', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct(ProductStatus.Rejected)
    await product.merge({ rejectionReason: '가격 정보가 틀립니다' }).save()

    const response = await client
      .post(`/api/v1/seller/products/${product.id}/submit`)
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'pending_review')
    assert.isNull(response.body().data.rejectionReason)
    await product.refresh()
    assert.isNull(product.rejectionReason)
  })

  test('refuses to submit a product already in review with 409', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct(ProductStatus.PendingReview)

    const response = await client
      .post(`/api/v1/seller/products/${product.id}/submit`)
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(409)
    assert.deepEqual(errorsOf(response), [{ code: 'E_INVALID_TRANSITION' }])
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
    assert.lengthOf(await auditTrail('product', product.id), 0)
  })
})
