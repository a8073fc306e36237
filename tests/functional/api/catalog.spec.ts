import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import type { ApiResponse } from '@japa/api-client'
import type Product from '#models/product'
import type Seller from '#models/seller'
import type Category from '#models/category'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, SellerFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { errorsOf } from './helpers.js'

const ids = (response: ApiResponse) => response.body().data.map((product: { id: number }) => product.id)
const idsOf = (...products: Product[]) => products.map((product) => product.id)

test.group('Store API | categories', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists every category in position order, children linked by parentId', async ({ client, assert }) => {
    const fashion = await CategoryFactory.merge({ position: 2 }).create()
    const digital = await CategoryFactory.merge({ position: 1 }).create()
    const shoes = await CategoryFactory.merge({ parentId: fashion.id, position: 3 }).create()

    const response = await client.get('/api/v1/categories')

    response.assertStatus(200)
    assert.deepEqual(response.body().data, [
      { id: digital.id, parentId: null, slug: digital.slug, name: digital.name, nameEn: digital.nameEn, position: 1 },
      { id: fashion.id, parentId: null, slug: fashion.slug, name: fashion.name, nameEn: fashion.nameEn, position: 2 },
      { id: shoes.id, parentId: fashion.id, slug: shoes.slug, name: shoes.name, nameEn: shoes.nameEn, position: 3 },
    ])
  })
})

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

  test('summarises a product with its starting price, stock and seller', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, category, { status: ProductStatus.Published, prices: [9_000, 7_500] })

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
      },
    ])
  })

  test('pages through results with page and perPage', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const [, , oldest] = await publishInOrder(seller, category, 3)

    const response = await client.get('/api/v1/products').qs({ page: 2, perPage: 2 })

    response.assertStatus(200)
    assert.deepEqual(ids(response), [oldest.id])
    assert.deepEqual(response.body().meta, { total: 3, page: 2, perPage: 2, lastPage: 2 })
  })

  test('finds products by every word of the query, in either language', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const published = { status: ProductStatus.Published }
    const mug = await createProduct(seller, category, { ...published, title: '도자기 머그컵', titleEn: 'Ceramic mug' })
    await createProduct(seller, category, { ...published, title: '유리 컵', titleEn: 'Glass cup' })

    const korean = await client.get('/api/v1/products').qs({ q: '머그컵 도자기' })
    const english = await client.get('/api/v1/products').qs({ q: 'CERAMIC' })

    assert.deepEqual(ids(korean), [mug.id])
    assert.deepEqual(ids(english), [mug.id])
  })

  test('filters by a category slug or id, including its subcategories', async ({ client, assert }) => {
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
    const [newest, middle, oldest] = await publishInOrder(seller, category, 3)
    await setTitleAndPrice(newest, '나무 도마', 30_000)
    await setTitleAndPrice(middle, '다리미', 10_000)
    await setTitleAndPrice(oldest, '가방', 20_000)

    const sorted = async (sort: string) => ids(await client.get('/api/v1/products').qs({ sort }))

    assert.deepEqual(await sorted('price_asc'), idsOf(middle, oldest, newest))
    assert.deepEqual(await sorted('price_desc'), idsOf(newest, oldest, middle))
    assert.deepEqual(await sorted('name'), idsOf(oldest, newest, middle))
    assert.deepEqual(await sorted('newest'), idsOf(newest, middle, oldest))
    assert.deepEqual(ids(await client.get('/api/v1/products')), idsOf(newest, middle, oldest))
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

test.group('Store API | product page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows a published product with its variants', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, category, { status: ProductStatus.Published, prices: [12_000, 15_000] })
    const [first, second] = product.variants
    second.stock = 0
    second.options = { 사이즈: 'L' }
    await second.save()

    const response = await client.get(`/api/v1/products/${product.slug}`)

    response.assertStatus(200)
    const data = response.body().data
    assert.equal(data.id, product.id)
    assert.equal(data.description, product.description)
    assert.deepEqual(data.variants, [
      {
        id: first.id,
        sku: first.sku,
        price: { amount: 12_000, currency: 'KRW' },
        compareAtPrice: null,
        stock: 10,
        inStock: true,
        weightGrams: 500,
        options: {},
      },
      {
        id: second.id,
        sku: second.sku,
        price: { amount: 15_000, currency: 'KRW' },
        compareAtPrice: null,
        stock: 0,
        inStock: false,
        weightGrams: 500,
        options: { 사이즈: 'L' },
      },
    ])
  })

  test('answers 404 for a product that is not on sale', async ({ client }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const pendingSeller = await SellerFactory.apply('pending').create()
    const hidden = [
      await createProduct(seller, category, { status: ProductStatus.Draft }),
      await createProduct(seller, category, { status: ProductStatus.PendingReview }),
      await createProduct(seller, category, { status: ProductStatus.Archived }),
      await createProduct(pendingSeller, category, { status: ProductStatus.Published }),
    ]

    for (const product of hidden) {
      const response = await client.get(`/api/v1/products/${product.slug}`)
      response.assertStatus(404)
      response.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
    }
  })

  test('answers 404 for a slug that does not exist', async ({ client }) => {
    const response = await client.get('/api/v1/products/no-such-product')

    response.assertStatus(404)
    response.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
  })
})

/** Publishes `count` products, the first one most recently. */
async function publishInOrder(seller: Seller, category: Category, count: number) {
  const products: Product[] = []
  for (let index = 0; index < count; index++) {
    const product = await createProduct(seller, category, { status: ProductStatus.Published })
    product.publishedAt = DateTime.fromISO('2026-01-10T12:00:00Z').minus({ days: index })
    await product.save()
    products.push(product)
  }
  return products
}

async function setTitleAndPrice(product: Product, title: string, price: number) {
  product.merge({ title, minPrice: price })
  await product.save()
}
