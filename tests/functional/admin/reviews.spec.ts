import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'

test.group('Back office | reviewing sellers and products', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists pending applications and approves one', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { seller, owner } = await createSellerOwner('pending')

    const list = await client.get('/admin/sellers').loginAs(staff)
    list.assertTextIncludes(seller.name)
    list.assertTextIncludes(owner.email)

    const response = await client
      .post(`/admin/sellers/${seller.id}/approve`)
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await seller.refresh()
    assert.equal(seller.status, 'approved')
    assert.equal(seller.reviewedById, staff.id)

    const event = await AuditEvent.findByOrFail('action', 'seller.approved')
    assert.equal(event.actorId, staff.id)
    assert.equal(event.actorRole, 'staff')
    assert.deepEqual(event.diff, { before: { status: 'pending' }, after: { status: 'approved' } })
  })

  test('rejects an application only with a reason', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await createSellerOwner('pending')

    const missing = await client
      .post(`/admin/sellers/${seller.id}/reject`)
      .header('referer', `/admin/sellers/${seller.id}`)
      .form({ reason: '' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(missing.flashMessage('inputErrorsBag').reason, ['사유를 입력하세요'])
    await seller.refresh()
    assert.equal(seller.status, 'pending')

    await client
      .post(`/admin/sellers/${seller.id}/reject`)
      .form({ reason: '사업자등록증 사본이 필요합니다' })
      .loginAs(admin)
      .withCsrfToken()
    await seller.refresh()
    assert.equal(seller.status, 'rejected')
    assert.equal(seller.rejectionReason, '사업자등록증 사본이 필요합니다')
  })

  test('answers 409 when approving an application that is no longer pending', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await createSellerOwner()
    const response = await client
      .post(`/admin/sellers/${seller.id}/approve`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(409)
    response.assertTextIncludes('지금 상태에서는 할 수 없는 작업입니다.')
    assert.notInclude(response.text(), 'Cannot approve a seller application')
  })

  test('publishes a product in review so that it appears on the storefront', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.PendingReview,
      title: '심사 받는 상품',
    })

    const queue = await client.get('/admin/products').loginAs(staff)
    queue.assertTextIncludes('심사 받는 상품')
    const before = await client.get(`/products/${product.slug}`)
    before.assertStatus(404)

    await client.post(`/admin/products/${product.id}/publish`).loginAs(staff).withCsrfToken()
    await product.refresh()
    assert.equal(product.status, ProductStatus.Published)
    assert.isNotNull(product.publishedAt)
    const after = await client.get(`/products/${product.slug}`)
    after.assertStatus(200)
  })

  test('rejects a product with a reason the seller then sees', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { seller, owner } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.PendingReview,
    })

    await client
      .post(`/admin/products/${product.id}/reject`)
      .form({ reason: '상품 이미지가 필요합니다' })
      .loginAs(staff)
      .withCsrfToken()
    await product.refresh()
    assert.equal(product.status, ProductStatus.Rejected)

    const page = await client.get(`/seller/products/${product.id}/edit`).loginAs(owner)
    page.assertTextIncludes('상품 이미지가 필요합니다')
  })

  test('cannot publish a draft that was never submitted', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create())
    const response = await client
      .post(`/admin/products/${product.id}/publish`)
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(409)
    await product.refresh()
    assert.equal(product.status, ProductStatus.Draft)
  })

  test('keeps customers and sellers out of every back-office route', async ({ client, assert }) => {
    const customer = await UserFactory.create()
    const { owner } = await createSellerOwner()
    const { seller: pending } = await createSellerOwner('pending')
    for (const user of [customer, owner]) {
      for (const path of [
        '/admin',
        '/admin/sellers',
        '/admin/products',
        '/admin/categories',
        '/admin/audit',
      ]) {
        const response = await client.get(path).loginAs(user)
        response.assertStatus(403)
      }
      const approve = await client
        .post(`/admin/sellers/${pending.id}/approve`)
        .loginAs(user)
        .withCsrfToken()
      approve.assertStatus(403)
    }
    await pending.refresh()
    assert.equal(pending.status, 'pending')
  })

  test('sends guests to the login page', async ({ client }) => {
    const response = await client.get('/admin/sellers').redirects(0)
    response.assertHeader('location', '/login')
  })
})
