import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { auditTrail, errorsOf } from './helpers.js'

/** A product of an approved seller, waiting in the review queue. */
async function productInReview(status: ProductStatus = ProductStatus.PendingReview) {
  const category = await CategoryFactory.create()
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, category, { status })
  return { owner, product }
}

test.group('Store API | admin product reviews', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lets staff publish a product in review and logs who did it', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { product } = await productInReview()

    const response = await client
      .post(`/api/v1/admin/products/${product.id}/publish`)
      .withGuard('api')
      .loginAs(staff)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'published')
    assert.isNotNull(response.body().data.publishedAt)
    await product.refresh()
    assert.equal(product.status, ProductStatus.Published)
    const [event] = await auditTrail('product', product.id)
    assert.equal(event.action, 'product.published')
    assert.equal(event.actorId, staff.id)
    assert.equal(event.actorRole, 'staff')
    assert.deepEqual(event.diff, {
      before: { status: 'pending_review' },
      after: { status: 'published' },
    })
    const storefront = await client.get(`/api/v1/products/${product.slug}`)
    storefront.assertStatus(200)
  })

  test('lets an admin reject a product with a reason the seller reads', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { owner, product } = await productInReview()

    const response = await client
      .post(`/api/v1/admin/products/${product.id}/reject`)
      .json({ reason: '상품 사진이 없습니다' })
      .withGuard('api')
      .loginAs(admin)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'rejected')
    assert.equal(response.body().data.rejectionReason, '상품 사진이 없습니다')
    const [event] = await auditTrail('product', product.id)
    assert.equal(event.action, 'product.rejected')
    assert.equal(event.actorId, admin.id)
    assert.equal(event.actorRole, 'admin')
    assert.equal(event.diff.after.rejectionReason, '상품 사진이 없습니다')
    const sellerView = await client
      .get(`/api/v1/seller/products/${product.id}`)
      .withGuard('api')
      .loginAs(owner)
    assert.equal(sellerView.body().data.rejectionReason, '상품 사진이 없습니다')
  })

  test('refuses customers and sellers with 403 and changes nothing', async ({ client, assert }) => {
    const customer = await UserFactory.create()
    const { owner, product } = await productInReview()

    for (const user of [customer, owner]) {
      const publish = await client
        .post(`/api/v1/admin/products/${product.id}/publish`)
        .withGuard('api')
        .loginAs(user)
      const reject = await client
        .post(`/api/v1/admin/products/${product.id}/reject`)
        .json({ reason: '제가 거절합니다' })
        .withGuard('api')
        .loginAs(user)
      publish.assertStatus(403)
      publish.assertBodyContains({ errors: [{ code: 'E_AUTHORIZATION_FAILURE' }] })
      reject.assertStatus(403)
    }

    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
    assert.lengthOf(await auditTrail('product', product.id), 0)
  })

  test('answers 401 to a request without a token', async ({ client }) => {
    const { product } = await productInReview()

    const response = await client.post(`/api/v1/admin/products/${product.id}/publish`)

    response.assertStatus(401)
    response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
  })

  test('requires a reason of at least five characters to reject', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { product } = await productInReview()
    const reject = (body: object) =>
      client
        .post(`/api/v1/admin/products/${product.id}/reject`)
        .json(body)
        .withGuard('api')
        .loginAs(staff)

    const missing = await reject({})
    const short = await reject({ reason: ' 별로 ' })

    missing.assertStatus(422)
    assert.deepEqual(errorsOf(missing), [{ field: 'reason', code: 'required' }])
    short.assertStatus(422)
    assert.deepEqual(errorsOf(short), [{ field: 'reason', code: 'minLength' }])
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)
    assert.lengthOf(await auditTrail('product', product.id), 0)
  })

  test('refuses to publish or reject a product that is not in review with 409', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { product } = await productInReview(ProductStatus.Draft)

    const publish = await client
      .post(`/api/v1/admin/products/${product.id}/publish`)
      .withGuard('api')
      .loginAs(staff)
    const reject = await client
      .post(`/api/v1/admin/products/${product.id}/reject`)
      .json({ reason: '아직 초안입니다' })
      .withGuard('api')
      .loginAs(staff)

    publish.assertStatus(409)
    assert.deepEqual(errorsOf(publish), [{ code: 'E_INVALID_TRANSITION' }])
    reject.assertStatus(409)
    await product.refresh()
    assert.equal(product.status, ProductStatus.Draft)
    assert.lengthOf(await auditTrail('product', product.id), 0)
  })

  test('answers 404 for a product that does not exist', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()

    const publish = await client
      .post('/api/v1/admin/products/999999/publish')
      .withGuard('api')
      .loginAs(staff)
    const reject = await client
      .post('/api/v1/admin/products/999999/reject')
      .json({ reason: '없는 상품입니다' })
      .withGuard('api')
      .loginAs(staff)

    publish.assertStatus(404)
    publish.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
    reject.assertStatus(404)
  })
})
