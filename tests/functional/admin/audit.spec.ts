import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { inStoreZone } from '#formatting/store_time'
import AuditEvent from '#models/audit_event'
import { UserFactory, createSellerOwner } from '#database/factories/index'

test.group('Back office | audit log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('records who changed what, from where, for a change made over HTTP', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await createSellerOwner('pending')
    const response = await client
      .post(`/admin/sellers/${seller.id}/approve`)
      .header('user-agent', 'AuditTest/1.0')
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    const event = await AuditEvent.findByOrFail('action', 'seller.approved')
    assert.equal(event.actorId, admin.id)
    assert.equal(event.actorRole, 'admin')
    assert.equal(event.subjectType, 'seller')
    assert.equal(event.subjectId, String(seller.id))
    assert.equal(event.userAgent, 'AuditTest/1.0')
    assert.isNotNull(event.ip)
    assert.equal(event.requestId, response.header('x-request-id'))
    assert.match(event.occurredAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  test('filters by action, actor, subject and date range', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller: first } = await createSellerOwner('pending')
    const { seller: second } = await createSellerOwner('pending')
    await client.post(`/admin/sellers/${first.id}/approve`).loginAs(admin).withCsrfToken()
    await client
      .post(`/admin/sellers/${second.id}/reject`)
      .form({ reason: '서류가 부족합니다' })
      .loginAs(admin)
      .withCsrfToken()

    const byAction = await client
      .get('/admin/audit')
      .qs({ action: 'seller.rejected' })
      .loginAs(admin)
    byAction.assertStatus(200)
    assert.include(byAction.text(), 'data-action="seller.rejected"')
    assert.notInclude(byAction.text(), 'data-action="seller.approved"')

    const bySubject = await client
      .get('/admin/audit')
      .qs({ subjectType: 'seller', subjectId: String(first.id), actorId: admin.id })
      .loginAs(admin)
    assert.include(bySubject.text(), 'data-action="seller.approved"')
    assert.notInclude(bySubject.text(), 'data-action="seller.rejected"')

    // Filter days are the store's (Asia/Seoul unless STORE_TIMEZONE says otherwise).
    const today = inStoreZone(DateTime.now()).toISODate()!
    const inRange = await client
      .get('/admin/audit')
      .qs({ from: today, to: today, actorRole: 'admin' })
      .loginAs(admin)
    assert.include(inRange.text(), 'data-action="seller.approved"')
    const past = await client
      .get('/admin/audit')
      .qs({ from: '2020-01-01', to: '2020-01-31' })
      .loginAs(admin)
    assert.notInclude(past.text(), 'data-test="audit-row"')
  })

  test('rejects malformed filters with 422 and the field errors, not the whole log', async ({
    client,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .get('/admin/audit')
      .qs({ from: '2026-02-10', to: '2026-02-01', actorRole: 'robot' })
      .header('referer', '/admin')
      .loginAs(admin)
      .redirects(0)
    response.assertStatus(422)
    response.assertTextIncludes('data-field="to"')
    response.assertTextIncludes('data-field="actorRole"')
    response.assertTextIncludes('종료일은 시작일 이후여야 합니다')
    response.assertTextIncludes('선택한 행위자 역할이 올바르지 않습니다')
  })

  test('is for admins only: staff get 403', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const response = await client.get('/admin/audit').loginAs(staff)
    response.assertStatus(403)
  })
})
