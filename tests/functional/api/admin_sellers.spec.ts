import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { SellerStatus } from '#lifecycles/seller_lifecycle'
import { SellerFactory, UserFactory, createSellerOwner } from '#database/factories/index'
import { auditTrail, errorsOf } from './helpers.js'

test.group('Store API | admin seller reviews', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lets staff approve a pending seller and logs who did it', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { seller } = await createSellerOwner('pending')

    const response = await client
      .post(`/api/v1/admin/sellers/${seller.id}/approve`)
      .withGuard('api')
      .loginAs(staff)

    response.assertStatus(200)
    assert.equal(response.body().data.id, seller.id)
    assert.equal(response.body().data.status, 'approved')
    assert.isNotNull(response.body().data.reviewedAt)
    await seller.refresh()
    assert.equal(seller.status, SellerStatus.Approved)
    assert.equal(seller.reviewedById, staff.id)
    const [event] = await auditTrail('seller', seller.id)
    assert.equal(event.action, 'seller.approved')
    assert.equal(event.actorId, staff.id)
    assert.equal(event.actorRole, 'staff')
    assert.deepEqual(event.diff, { before: { status: 'pending' }, after: { status: 'approved' } })
  })

  test('opens the seller API to the members of an approved seller', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const { owner, seller } = await createSellerOwner('pending')
    const before = await client.get('/api/v1/seller/products').withGuard('api').loginAs(owner)

    await client.post(`/api/v1/admin/sellers/${seller.id}/approve`).withGuard('api').loginAs(staff)
    const after = await client.get('/api/v1/seller/products').withGuard('api').loginAs(owner)

    before.assertStatus(403)
    after.assertStatus(200)
  })

  test('lets an admin reject a pending seller with a reason', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await createSellerOwner('pending')

    const response = await client
      .post(`/api/v1/admin/sellers/${seller.id}/reject`)
      .json({ reason: '사업자등록증이 흐립니다' })
      .withGuard('api')
      .loginAs(admin)

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'rejected')
    assert.equal(response.body().data.rejectionReason, '사업자등록증이 흐립니다')
    await seller.refresh()
    assert.equal(seller.status, SellerStatus.Rejected)
    const [event] = await auditTrail('seller', seller.id)
    assert.equal(event.action, 'seller.rejected')
    assert.equal(event.actorId, admin.id)
    assert.equal(event.actorRole, 'admin')
    assert.equal(event.diff.after.rejectionReason, '사업자등록증이 흐립니다')
  })

  test('refuses customers and sellers with 403 and changes nothing', async ({ client, assert }) => {
    const customer = await UserFactory.create()
    const { owner } = await createSellerOwner()
    const pending = await SellerFactory.apply('pending').create()

    for (const user of [customer, owner]) {
      const approve = await client
        .post(`/api/v1/admin/sellers/${pending.id}/approve`)
        .withGuard('api')
        .loginAs(user)
      const reject = await client
        .post(`/api/v1/admin/sellers/${pending.id}/reject`)
        .json({ reason: '제가 거절합니다' })
        .withGuard('api')
        .loginAs(user)
      approve.assertStatus(403)
      approve.assertBodyContains({ errors: [{ code: 'E_AUTHORIZATION_FAILURE' }] })
      reject.assertStatus(403)
    }

    await pending.refresh()
    assert.equal(pending.status, SellerStatus.Pending)
    assert.lengthOf(await auditTrail('seller', pending.id), 0)
  })

  test('requires a reason of at least five characters to reject', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const pending = await SellerFactory.apply('pending').create()
    const reject = (body: object) =>
      client
        .post(`/api/v1/admin/sellers/${pending.id}/reject`)
        .json(body)
        .withGuard('api')
        .loginAs(staff)

    const missing = await reject({})
    const short = await reject({ reason: 'no' })

    missing.assertStatus(422)
    assert.deepEqual(errorsOf(missing), [{ field: 'reason', code: 'required' }])
    short.assertStatus(422)
    assert.deepEqual(errorsOf(short), [{ field: 'reason', code: 'minLength' }])
    await pending.refresh()
    assert.equal(pending.status, SellerStatus.Pending)
    assert.lengthOf(await auditTrail('seller', pending.id), 0)
  })

  test('refuses to decide again on a seller already reviewed with 409', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const approved = await SellerFactory.create()
    const rejected = await SellerFactory.apply('rejected').create()

    const approveAgain = await client
      .post(`/api/v1/admin/sellers/${approved.id}/approve`)
      .withGuard('api')
      .loginAs(staff)
    const rejectApproved = await client
      .post(`/api/v1/admin/sellers/${approved.id}/reject`)
      .json({ reason: '다시 보니 문제가 있습니다' })
      .withGuard('api')
      .loginAs(staff)
    const approveRejected = await client
      .post(`/api/v1/admin/sellers/${rejected.id}/approve`)
      .withGuard('api')
      .loginAs(staff)

    for (const response of [approveAgain, rejectApproved, approveRejected]) {
      response.assertStatus(409)
      assert.deepEqual(errorsOf(response), [{ code: 'E_INVALID_TRANSITION' }])
    }
    await approved.refresh()
    assert.equal(approved.status, SellerStatus.Approved)
    assert.lengthOf(await auditTrail('seller', approved.id), 0)
  })

  test('answers 404 for a seller that does not exist', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()

    const approve = await client
      .post('/api/v1/admin/sellers/999999/approve')
      .withGuard('api')
      .loginAs(admin)
    const reject = await client
      .post('/api/v1/admin/sellers/999999/reject')
      .json({ reason: '없는 입점사입니다' })
      .withGuard('api')
      .loginAs(admin)

    approve.assertStatus(404)
    approve.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
    reject.assertStatus(404)
  })
})
