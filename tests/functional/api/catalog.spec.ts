import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import {
  CategoryFactory,
  SellerFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'

test.group('Store API | categories', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists every category in position order, children linked by parentId', async ({
    client,
    assert,
  }) => {
    const fashion = await CategoryFactory.merge({ position: 2 }).create()
    const digital = await CategoryFactory.merge({ position: 1 }).create()
    const shoes = await CategoryFactory.merge({ parentId: fashion.id, position: 3 }).create()

    const response = await client.get('/api/v1/categories')

    response.assertStatus(200)
    assert.deepEqual(response.body().data, [
      {
        id: digital.id,
        parentId: null,
        slug: digital.slug,
        name: digital.name,
        nameEn: digital.nameEn,
        position: 1,
      },
      {
        id: fashion.id,
        parentId: null,
        slug: fashion.slug,
        name: fashion.name,
        nameEn: fashion.nameEn,
        position: 2,
      },
      {
        id: shoes.id,
        parentId: fashion.id,
        slug: shoes.slug,
        name: shoes.name,
        nameEn: shoes.nameEn,
        position: 3,
      },
    ])
  })
})

test.group('Store API | product page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows a published product with its variants', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, category, {
      status: ProductStatus.Published,
      prices: [12_000, 15_000],
    })
    const [first, second] = product.variants
    await first.merge({ options: { 사이즈: 'M' } }).save()
    await second.merge({ options: { 사이즈: 'L' }, stock: 0, compareAtPrice: 18_000 }).save()

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
        options: { 사이즈: 'M' },
      },
      {
        id: second.id,
        sku: second.sku,
        price: { amount: 15_000, currency: 'KRW' },
        compareAtPrice: { amount: 18_000, currency: 'KRW' },
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
