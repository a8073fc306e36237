import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Product from '#models/product'
import ProductVariant from '#models/product_variant'
import AuditEvent from '#models/audit_event'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { encodeForm } from '#tests/helpers/forms'

/** What the seller-center form posts for a shirt in two sizes. */
function shirtForm(categoryId: number) {
  return {
    title: '옥스퍼드 셔츠',
    titleEn: 'Oxford shirt',
    description: '코튼 100%',
    categoryId,
    optionNames: ['사이즈', '', ''],
    variants: [
      {
        sku: 'SHIRT-S',
        optionValues: ['S', '', ''],
        price: '59000',
        compareAtPrice: '69000',
        stock: '10',
        weightGrams: '350',
      },
      {
        sku: 'SHIRT-M',
        optionValues: ['M', '', ''],
        price: '61000',
        compareAtPrice: '',
        stock: '0',
        weightGrams: '360',
      },
      {
        sku: '',
        optionValues: ['', '', ''],
        price: '',
        compareAtPrice: '',
        stock: '',
        weightGrams: '',
      },
    ],
  }
}

test.group('Seller center | products', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a draft with two variants from the form, ignoring the spare row', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const response = await client
      .post('/seller/products')
      .unsafeForm(encodeForm(shirtForm(category.id)))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    const product = await Product.query()
      .where('seller_id', seller.id)
      .preload('variants')
      .firstOrFail()
    assert.equal(product.status, ProductStatus.Draft)
    assert.equal(product.minPrice, 59_000)
    assert.deepEqual(
      product.variants.map((variant) => [
        variant.sku,
        variant.price,
        variant.compareAtPrice,
        variant.stock,
        variant.options,
      ]),
      [
        ['SHIRT-S', 59_000, 69_000, 10, { 사이즈: 'S' }],
        ['SHIRT-M', 61_000, null, 0, { 사이즈: 'M' }],
      ]
    )
    response.assertHeader('location', `/seller/products/${product.id}/edit`)
    const created = await AuditEvent.findByOrFail('action', 'product.created')
    assert.equal(created.actorRole, 'seller')
    assert.include(created.changes, 'variant[SHIRT-S].price')
  })

  test('rejects a negative price and stock and writes nothing', async ({ client, assert }) => {
    const { owner } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const form = shirtForm(category.id)
    form.variants[0].price = '-1'
    form.variants[1].stock = '-3'
    const response = await client
      .post('/seller/products')
      .header('referer', '/seller/products/create')
      .unsafeForm(encodeForm(form))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    const errors = response.flashMessage('inputErrorsBag')
    assert.include(Object.keys(errors), 'variants.0.price')
    assert.include(Object.keys(errors), 'variants.1.stock')
    assert.lengthOf(await Product.all(), 0)
  })

  test('rejects variants with the same options or a SKU another product uses', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const existing = await createProduct(seller, category)

    const same = shirtForm(category.id)
    same.variants[1].optionValues = ['S', '', '']
    const sameOptions = await client
      .post('/seller/products')
      .header('referer', '/x')
      .unsafeForm(encodeForm(same))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    assert.include(Object.keys(sameOptions.flashMessage('inputErrorsBag')), 'variants.1.options')

    const taken = shirtForm(category.id)
    taken.variants[1].sku = existing.variants[0].sku
    const takenSku = await client
      .post('/seller/products')
      .header('referer', '/x')
      .unsafeForm(encodeForm(taken))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(takenSku.flashMessage('inputErrorsBag')['variants.1.sku'], [
      '다른 상품에서 이미 사용 중인 SKU입니다',
    ])
    assert.lengthOf(await Product.all(), 1)
  })

  test('edits variants: updates kept rows, adds new ones and removes cleared ones', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const product = await createProduct(seller, category, { prices: [10_000, 12_000] })
    const [keep, drop] = product.variants

    const response = await client
      .put(`/seller/products/${product.id}`)
      .unsafeForm(
        encodeForm({
          title: product.title,
          categoryId: category.id,
          optionNames: ['옵션'],
          variants: [
            { id: keep.id, sku: keep.sku, optionValues: ['1'], price: '9000', stock: '4' },
            { sku: 'NEW-1', optionValues: ['3'], price: '15000', stock: '2' },
          ],
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    const variants = await ProductVariant.query()
      .where('product_id', product.id)
      .orderBy('position')
    assert.deepEqual(
      variants.map((variant) => [variant.sku, variant.price, variant.stock]),
      [
        [keep.sku, 9000, 4],
        ['NEW-1', 15_000, 2],
      ]
    )
    assert.isNull(await ProductVariant.find(drop.id))
    await product.refresh()
    assert.equal(product.minPrice, 9000)
  })

  test('submits a draft for review and cannot submit it twice', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create())

    const submitted = await client
      .post(`/seller/products/${product.id}/submit`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    submitted.assertStatus(302)
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
    assert.isNotNull(product.submittedAt)

    const again = await client
      .post(`/seller/products/${product.id}/submit`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    again.assertStatus(409)
  })

  test('editing the text of a published product sends it back to review; price changes do not', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const product = await createProduct(seller, category, { status: ProductStatus.Published })
    const variant = product.variants[0]
    const edit = (title: string, price: string) =>
      client
        .put(`/seller/products/${product.id}`)
        .unsafeForm(
          encodeForm({
            title,
            categoryId: category.id,
            variants: [{ id: variant.id, sku: variant.sku, price, stock: '5' }],
          })
        )
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)

    await edit(product.title, '8000')
    await product.refresh()
    assert.equal(product.status, ProductStatus.Published)

    await edit('새 이름', '8000')
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
  })

  test('archives and restores a product', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.Published,
    })
    await client.post(`/seller/products/${product.id}/archive`).loginAs(owner).withCsrfToken()
    await product.refresh()
    assert.equal(product.status, ProductStatus.Archived)
    await client.post(`/seller/products/${product.id}/restore`).loginAs(owner).withCsrfToken()
    await product.refresh()
    assert.equal(product.status, ProductStatus.Draft)
  })

  test("answers 404 for another seller's product on every route, and changes nothing", async ({
    client,
    assert,
  }) => {
    const { owner } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()
    const category = await CategoryFactory.create()
    const product = await createProduct(other, category)

    const responses = [
      await client.get(`/seller/products/${product.id}/edit`).loginAs(owner),
      await client
        .put(`/seller/products/${product.id}`)
        .unsafeForm(
          encodeForm({
            title: 'Mine now',
            categoryId: category.id,
            variants: [{ sku: 'X', price: '1', stock: '1' }],
          })
        )
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0),
      await client
        .post(`/seller/products/${product.id}/submit`)
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0),
      await client
        .post(`/seller/products/${product.id}/archive`)
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0),
    ]
    for (const response of responses) response.assertStatus(404)
    await product.refresh()
    assert.equal(product.status, ProductStatus.Draft)
    assert.notEqual(product.title, 'Mine now')
  })

  test('lists only the seller’s own products, filtered by status', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()
    const category = await CategoryFactory.create()
    await createProduct(seller, category, { title: '내 임시 상품' })
    await createProduct(seller, category, {
      title: '내 판매 상품',
      status: ProductStatus.Published,
    })
    await createProduct(other, category, { title: '남의 상품' })

    const all = await client.get('/seller/products').loginAs(owner)
    all.assertTextIncludes('내 임시 상품')
    all.assertTextIncludes('내 판매 상품')
    assert.notInclude(all.text(), '남의 상품')

    const published = await client
      .get('/seller/products')
      .qs({ status: 'published' })
      .loginAs(owner)
    assert.notInclude(published.text(), '내 임시 상품')
  })

  test('keeps customers without a seller out of the seller center', async ({ client }) => {
    const customer = await UserFactory.create()
    for (const path of [
      '/seller',
      '/seller/products',
      '/seller/products/create',
      '/seller/settings',
    ]) {
      const response = await client.get(path).loginAs(customer).redirects(0)
      response.assertHeader('location', '/sell')
    }
  })
})
