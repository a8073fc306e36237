import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Product from '#models/product'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { auditTrail, countRows, productBody } from './helpers.js'

test.group('Store API | seller products', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a draft with its variants and answers 201', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { owner, seller } = await createSellerOwner()

    const response = await client
      .post('/api/v1/seller/products')
      .json(productBody(category.id))
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(201)
    const product = await Product.query().preload('variants').firstOrFail()
    const data = response.body().data
    assert.equal(data.id, product.id)
    assert.equal(data.status, 'draft')
    assert.isNull(data.rejectionReason)
    assert.deepEqual(data.price, { amount: 59_000, currency: 'KRW' })
    assert.deepEqual(data.variants, [
      {
        id: product.variants[0].id,
        sku: 'KB-BLACK',
        price: { amount: 59_000, currency: 'KRW' },
        compareAtPrice: null,
        stock: 12,
        inStock: true,
        weightGrams: 800,
        options: { 색상: '블랙' },
      },
      {
        id: product.variants[1].id,
        sku: 'KB-WHITE',
        price: { amount: 61_000, currency: 'KRW' },
        compareAtPrice: null,
        stock: 0,
        inStock: false,
        weightGrams: null,
        options: { 색상: '화이트' },
      },
    ])
    assert.equal(product.sellerId, seller.id)
    assert.equal(product.status, ProductStatus.Draft)
    assert.equal(product.minPrice, 59_000)
    assert.deepEqual(
      product.variants.map((variant) => variant.sellerId),
      [seller.id, seller.id]
    )
  })

  test('records the new product in the audit log as a seller action', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { owner } = await createSellerOwner()

    const response = await client
      .post('/api/v1/seller/products')
      .json(productBody(category.id))
      .withGuard('api')
      .loginAs(owner)

    const [event] = await auditTrail('product', response.body().data.id)
    assert.equal(event.action, 'product.created')
    assert.equal(event.actorId, owner.id)
    assert.equal(event.actorRole, 'seller')
  })

  test('lists only the seller’s own products, in any status, with page meta', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { owner, seller } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()
    const draft = await createProduct(seller, category)
    const rejected = await createProduct(seller, category, { status: ProductStatus.Rejected })
    await createProduct(other, category, { status: ProductStatus.Published })

    const response = await client.get('/api/v1/seller/products').withGuard('api').loginAs(owner)

    response.assertStatus(200)
    assert.sameMembers(
      response.body().data.map((product: { id: number }) => product.id),
      [draft.id, rejected.id]
    )
    assert.deepEqual(response.body().meta, { total: 2, page: 1, perPage: 20, lastPage: 1 })
  })

  test('filters the seller’s products by status', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { owner, seller } = await createSellerOwner()
    await createProduct(seller, category)
    const rejected = await createProduct(seller, category, { status: ProductStatus.Rejected })

    const response = await client
      .get('/api/v1/seller/products')
      .qs({ status: 'rejected' })
      .withGuard('api')
      .loginAs(owner)

    assert.deepEqual(
      response
        .body()
        .data.map((product: { id: number; status: string }) => [product.id, product.status]),
      [[rejected.id, 'rejected']]
    )
  })

  test('shows one of the seller’s products with its review status', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { owner, seller } = await createSellerOwner()
    const product = await createProduct(seller, category, { prices: [8_000, 9_000] })
    product.merge({ status: ProductStatus.Rejected, rejectionReason: '사진이 흐립니다' })
    await product.save()

    const response = await client
      .get(`/api/v1/seller/products/${product.id}`)
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    const data = response.body().data
    assert.equal(data.id, product.id)
    assert.equal(data.status, 'rejected')
    assert.equal(data.rejectionReason, '사진이 흐립니다')
    assert.deepEqual(
      data.variants.map((variant: { id: number }) => variant.id),
      product.variants.map((variant) => variant.id)
    )
  })
})

test.group('Store API | seller products access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answers 401 without a token', async ({ client }) => {
    const response = await client.get('/api/v1/seller/products')

    response.assertStatus(401)
    response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
  })

  test('refuses a customer who belongs to no seller with 403', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const customer = await UserFactory.create()

    const list = await client.get('/api/v1/seller/products').withGuard('api').loginAs(customer)
    const create = await client
      .post('/api/v1/seller/products')
      .json(productBody(category.id))
      .withGuard('api')
      .loginAs(customer)

    list.assertStatus(403)
    list.assertBodyContains({ errors: [{ code: 'E_AUTHORIZATION_FAILURE' }] })
    create.assertStatus(403)
    assert.equal(await countRows('products'), 0)
  })

  test('refuses a member of a seller still in review with 403', async ({ client, assert }) => {
    const category = await CategoryFactory.create()
    const { owner } = await createSellerOwner('pending')

    const response = await client
      .post('/api/v1/seller/products')
      .json(productBody(category.id))
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(403)
    response.assertBodyContains({ errors: [{ code: 'E_AUTHORIZATION_FAILURE' }] })
    assert.equal(await countRows('products'), 0)
  })

  test('answers another seller’s product exactly like a missing one and leaves it untouched', async ({
    client,
    assert,
  }) => {
    const category = await CategoryFactory.create()
    const { owner } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()
    const product = await createProduct(other, category, { title: '남의 상품' })
    const path = `/api/v1/seller/products/${product.id}`

    const requests = [
      client.get(path),
      client.patch(path).json({ title: '가로챈 상품' }),
      client.post(`${path}/submit`),
    ]
    for (const request of requests) {
      const response = await request.withGuard('api').loginAs(owner)
      response.assertStatus(404)
      response.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
    }

    await product.refresh()
    assert.equal(product.title, '남의 상품')
    assert.equal(product.status, ProductStatus.Draft)
  })

  test('answers 404 for a product id that does not exist', async ({ client }) => {
    const { owner } = await createSellerOwner()

    const response = await client
      .get('/api/v1/seller/products/999999')
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(404)
    response.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
  })
})
