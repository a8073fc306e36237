import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type { ApiResponse } from '@japa/api-client'
import type Product from '#models/product'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import {
  CategoryFactory,
  SellerFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { errorsOf } from './helpers.js'

const ids = (response: ApiResponse) =>
  response.body().data.map((product: { id: number }) => product.id)
const idsOf = (...products: Product[]) => products.map((product) => product.id)

test.group('Store API | product search', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows only published products of approved sellers', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const published = await createProduct(seller, category, { status: ProductStatus.Published })
    for (const status of [
      ProductStatus.Draft,
      ProductStatus.PendingReview,
      ProductStatus.Rejected,
      ProductStatus.Archived,
    ]) {
      await createProduct(seller, category, { status })
    }
    for (const state of ['pending', 'rejected'] as const) {
      const hidden = await SellerFactory.apply(state).create()
      await createProduct(hidden, category, { status: ProductStatus.Published })
    }

    const response = await client.get('/api/v1/products')

    response.assertStatus(200)
    assert.deepEqual(ids(response), [published.id])
    assert.deepEqual(response.body().meta, { total: 1, page: 1, perPage: 24, lastPage: 1 })
  })

  test('summarises a product with its starting price, stock, seller and cover photo', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, category, {
      status: ProductStatus.Published,
      prices: [9_000, 7_500],
    })
    await product.refresh()

    const response = await client.get('/api/v1/products')

    assert.deepEqual(response.body().data, [
      {
        id: product.id,
        slug: product.slug,
        title: product.title,
        titleEn: product.titleEn,
        categoryId: category.id,
        price: { amount: 7_500, currency: 'KRW' },
        inStock: true,
        seller: { id: seller.id, name: seller.name, slug: seller.slug },
        publishedAt: product.publishedAt!.toISO(),
        cover: null,
      },
    ])
  })

  test('pages through results with page and perPage', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const products = []
    for (let daysAgo = 0; daysAgo < 3; daysAgo++) {
      products.push(await publishDaysAgo(await createProduct(seller, category), daysAgo))
    }

    const response = await client.get('/api/v1/products').qs({ page: 2, perPage: 2 })

    response.assertStatus(200)
    assert.deepEqual(ids(response), [products[2].id])
    assert.deepEqual(response.body().meta, { total: 3, page: 2, perPage: 2, lastPage: 2 })
  })

  test('finds products by every word of the query, in either language', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const published = { status: ProductStatus.Published }
    const mug = await createProduct(seller, category, {
      ...published,
      title: '도자기 머그컵',
      titleEn: 'Ceramic mug',
    })
    await createProduct(seller, category, { ...published, title: '유리 컵', titleEn: 'Glass cup' })

    const korean = await client.get('/api/v1/products').qs({ q: '머그컵 도자기' })
    const english = await client.get('/api/v1/products').qs({ q: 'CERAMIC' })

    assert.deepEqual(ids(korean), [mug.id])
    assert.deepEqual(ids(english), [mug.id])
  })

  test('filters by a category slug or id, including its subcategories', async ({
    client,
    assert,
  }) => {
    const fashion = await CategoryFactory.create()
    const shoes = await CategoryFactory.merge({ parentId: fashion.id }).create()
    const digital = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const published = { status: ProductStatus.Published }
    const coat = await createProduct(seller, fashion, published)
    const sneakers = await createProduct(seller, shoes, published)
    await createProduct(seller, digital, published)

    const bySlug = await client.get('/api/v1/products').qs({ category: fashion.slug })
    const byId = await client.get('/api/v1/products').qs({ category: String(shoes.id) })
    const unknown = await client.get('/api/v1/products').qs({ category: 'no-such-category' })

    assert.sameMembers(ids(bySlug), idsOf(coat, sneakers))
    assert.deepEqual(ids(byId), [sneakers.id])
    assert.deepEqual(ids(unknown), [])
  })

  test('filters by a seller slug or id', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()
    const own = await createProduct(seller, category, { status: ProductStatus.Published })
    await createProduct(other, category, { status: ProductStatus.Published })

    const bySlug = await client.get('/api/v1/products').qs({ seller: seller.slug })
    const byId = await client.get('/api/v1/products').qs({ seller: String(seller.id) })

    assert.deepEqual(ids(bySlug), [own.id])
    assert.deepEqual(ids(byId), [own.id])
  })

  test('filters by the starting price, bounds included', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const published = { status: ProductStatus.Published }
    await createProduct(seller, category, { ...published, prices: [5_000] })
    const middle = await createProduct(seller, category, { ...published, prices: [10_000, 90_000] })
    const upper = await createProduct(seller, category, { ...published, prices: [20_000] })
    await createProduct(seller, category, { ...published, prices: [20_001] })

    const response = await client.get('/api/v1/products').qs({ minPrice: 10_000, maxPrice: 20_000 })

    assert.sameMembers(ids(response), idsOf(middle, upper))
  })

  test('sorts by price, name and newest first', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const board = await createProduct(seller, category, { title: '나무 도마', prices: [30_000] })
    const iron = await createProduct(seller, category, { title: '다리미', prices: [10_000] })
    const bag = await createProduct(seller, category, { title: '가방', prices: [20_000] })
    await publishDaysAgo(board, 0)
    await publishDaysAgo(iron, 1)
    await publishDaysAgo(bag, 2)

    const sorted = async (sort?: string) =>
      ids(await client.get('/api/v1/products').qs(sort ? { sort } : {}))

    assert.deepEqual(await sorted('price_asc'), idsOf(iron, bag, board))
    assert.deepEqual(await sorted('price_desc'), idsOf(board, bag, iron))
    assert.deepEqual(await sorted('name'), idsOf(bag, board, iron))
    assert.deepEqual(await sorted('newest'), idsOf(board, iron, bag))
    assert.deepEqual(await sorted(), idsOf(board, iron, bag))
  })

  test('rejects an unknown sort and a page size over 100', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').qs({ sort: 'cheapest', perPage: 1000 })

    response.assertStatus(422)
    assert.sameDeepMembers(errorsOf(response), [
      { field: 'sort', code: 'enum' },
      { field: 'perPage', code: 'max' },
    ])
  })

  test('rejects a negative or fractional price filter', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').qs({ minPrice: -1, maxPrice: '9.5' })

    response.assertStatus(422)
    assert.sameMembers(
      errorsOf(response).map((error) => error.field),
      ['minPrice', 'maxPrice']
    )
  })
})

/** Publishes a product as if it had gone on sale `days` days before a fixed date. */
async function publishDaysAgo(product: Product, days: number) {
  product.status = ProductStatus.Published
  product.publishedAt = DateTime.fromISO('2026-01-10T12:00:00Z').minus({ days })
  await product.save()
  return product
}
