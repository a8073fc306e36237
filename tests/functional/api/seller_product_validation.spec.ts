import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import type Category from '#models/category'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { countRows, errorsOf, productBody } from './helpers.js'

/** A signed-in owner of an approved seller, and a category to file products under. */
async function setup() {
  const category = await CategoryFactory.create()
  const { owner, seller } = await createSellerOwner()
  return { category, owner, seller }
}

/** `productBody` with its first variant changed. */
function withFirstVariant(category: Category, changes: Record<string, unknown>) {
  const body = productBody(category.id)
  return { ...body, variants: [{ ...body.variants[0], ...changes }, body.variants[1]] }
}

/** POST /api/v1/seller/products as `owner`. */
function post(client: ApiClient, owner: User, body: object) {
  return client.post('/api/v1/seller/products').json(body).withGuard('api').loginAs(owner)
}

test.group('Store API | seller product validation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('rejects a negative price and a negative stock, and writes nothing', async ({
    client,
    assert,
  }) => {
    const { category, owner } = await setup()

    const response = await post(client, owner, withFirstVariant(category, { price: -1, stock: -5 }))

    response.assertStatus(422)
    assert.sameDeepMembers(errorsOf(response), [
      { field: 'variants.0.price', code: 'min' },
      { field: 'variants.0.stock', code: 'min' },
    ])
    assert.equal(await countRows('products'), 0)
    assert.equal(await countRows('product_variants'), 0)
  })

  test('rejects a product without variants', async ({ client, assert }) => {
    const { category, owner } = await setup()
    const withoutVariants = { title: '무선 키보드', categoryId: category.id }

    const missing = await post(client, owner, withoutVariants)
    const empty = await post(client, owner, { ...withoutVariants, variants: [] })

    missing.assertStatus(422)
    assert.deepEqual(errorsOf(missing), [{ field: 'variants', code: 'required' }])
    empty.assertStatus(422)
    assert.deepEqual(errorsOf(empty), [{ field: 'variants', code: 'array.minLength' }])
    assert.equal(await countRows('products'), 0)
  })

  test('rejects two variants with the same SKU in one request', async ({ client, assert }) => {
    const { category, owner } = await setup()

    const response = await post(client, owner, withFirstVariant(category, { sku: 'KB-WHITE' }))

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'variants', code: 'distinct' }])
    assert.equal(await countRows('products'), 0)
  })

  test('rejects a SKU already used by another of the seller’s products', async ({
    client,
    assert,
  }) => {
    const { category, owner, seller } = await setup()
    const existing = await createProduct(seller, category)
    const takenSku = existing.variants[0].sku

    const response = await post(client, owner, withFirstVariant(category, { sku: takenSku }))

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'variants.0.sku', code: 'skuTaken' }])
    assert.equal(await countRows('products'), 1)
    assert.equal(await countRows('product_variants'), 1)
  })

  test('accepts a SKU that only another seller uses', async ({ client, assert }) => {
    const { category, owner } = await setup()
    const { seller: other } = await createSellerOwner()
    const theirs = await createProduct(other, category)

    const response = await post(
      client,
      owner,
      withFirstVariant(category, { sku: theirs.variants[0].sku })
    )

    response.assertStatus(201)
    assert.equal(response.body().data.variants[0].sku, theirs.variants[0].sku)
  })

  test('rejects an unknown category', async ({ client, assert }) => {
    const { owner } = await setup()

    const response = await post(client, owner, productBody(999_999))

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'categoryId', code: 'database.exists' }])
    assert.equal(await countRows('products'), 0)
  })

  test('rejects variants that do not name the same options', async ({ client, assert }) => {
    const { category, owner } = await setup()

    const response = await post(
      client,
      owner,
      withFirstVariant(category, { options: { 색상: '블랙', 사이즈: 'M' } })
    )

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'variants.1.options', code: 'variantOptions' }])
    assert.equal(await countRows('products'), 0)
  })

  test('rejects two variants with the same options', async ({ client, assert }) => {
    const { category, owner } = await setup()

    const response = await post(
      client,
      owner,
      withFirstVariant(category, { options: { 색상: '화이트' } })
    )

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'variants.1.options', code: 'distinctOptions' }])
    assert.equal(await countRows('products'), 0)
  })

  test('rejects a compare-at price below the price', async ({ client, assert }) => {
    const { category, owner } = await setup()

    const response = await post(
      client,
      owner,
      withFirstVariant(category, { compareAtPrice: 1_000 })
    )

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [
      { field: 'variants.0.compareAtPrice', code: 'compareAtPrice' },
    ])
    assert.equal(await countRows('products'), 0)
  })

  test('rejects a fractional price, since prices are minor units', async ({ client, assert }) => {
    const { category, owner } = await setup()

    const response = await post(client, owner, withFirstVariant(category, { price: 59_000.5 }))

    response.assertStatus(422)
    assert.deepEqual(
      errorsOf(response).map((error) => error.field),
      ['variants.0.price']
    )
    assert.equal(await countRows('products'), 0)
  })
})
