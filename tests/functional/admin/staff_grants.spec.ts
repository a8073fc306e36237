import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import SellerMember from '#models/seller_member'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { createListing } from '#tests/helpers/commerce'
import { placeOrder, placePaidOrder } from '#tests/functional/orders/helpers'

/**
 * The money controls of the order page: 입금 확인 on an unpaid bank transfer,
 * and on a paid order the refund forms and calling it off (a refund).
 */
const MONEY_CONTROLS = {
  unpaid: ['data-test="receive"'],
  paid: ['data-test="refund-forms"', 'data-test="cancel-order"'],
}

test.group('Back office | staff grants to move money', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('an admin lets a staff member move money, which holds at once and is audited', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const staff = await UserFactory.apply('staff').merge({ fullName: '김직원' }).create()
    const { variant } = await createListing({ stock: 5 })
    const { payment } = await placeOrder([{ variant }])
    const screen = await client.get('/admin/staff').loginAs(admin)
    screen.assertStatus(200)
    assert.include(screen.text(), `action="/admin/staff/${staff.id}/money"`)

    const response = await client
      .post(`/admin/staff/${staff.id}/money`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/admin/staff')
    response.assertFlashMessage('success', '김직원 님에게 금전 처리 권한을 부여했습니다.')
    await staff.refresh()
    assert.isTrue(staff.canMoveMoney)
    const event = await AuditEvent.findByOrFail('action', 'staff.money_access_granted')
    assert.equal(event.actorId, admin.id)
    assert.equal(event.subjectType, 'user')
    assert.equal(event.subjectId, String(staff.id))
    assert.deepEqual(event.diff, { before: { canMoveMoney: false }, after: { canMoveMoney: true } })
    const receive = await client
      .post(`/admin/payments/${payment.id}/receive`)
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    receive.assertStatus(302)
  })

  test('an admin withdraws the grant, and the next money action is refused', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const staff = await UserFactory.apply('staff', 'movesMoney').create()
    const { variant } = await createListing({ stock: 5 })
    const { payment } = await placeOrder([{ variant }])
    const screen = await client.get('/admin/staff').loginAs(admin)
    assert.include(screen.text(), `action="/admin/staff/${staff.id}/money?_method=DELETE"`)

    await client
      .post(`/admin/staff/${staff.id}/money?_method=DELETE`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    await staff.refresh()
    assert.isFalse(staff.canMoveMoney)
    const event = await AuditEvent.findByOrFail('action', 'staff.money_access_revoked')
    assert.deepEqual(event.diff, { before: { canMoveMoney: true }, after: { canMoveMoney: false } })
    const receive = await client
      .post(`/admin/payments/${payment.id}/receive`)
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    receive.assertStatus(403)
  })

  test('granting what is already granted changes and records nothing', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const staff = await UserFactory.apply('staff', 'movesMoney')
      .merge({ fullName: '박직원' })
      .create()

    const response = await client
      .post(`/admin/staff/${staff.id}/money`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    response.assertFlashMessage(
      'success',
      '변경 사항이 없습니다. 박직원 님의 권한은 이미 그렇게 설정되어 있습니다.'
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'like', 'staff.%'), 0)
  })

  test('only staff hold the grant: anyone else is a 404 and nothing changes', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const customer = await UserFactory.create()
    for (const target of [customer, admin]) {
      const response = await client
        .post(`/admin/staff/${target.id}/money`)
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(404)
      await target.refresh()
      assert.isFalse(target.canMoveMoney)
    }
    assert.lengthOf(await AuditEvent.query().where('action', 'like', 'staff.%'), 0)
  })

  test('staff and sellers cannot open the staff screen or change grants', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff', 'movesMoney').create()
    const other = await UserFactory.apply('staff').create()
    const { seller } = await createListing({ stock: 1 })
    const member = await SellerMember.query().where('sellerId', seller.id).preload('user').first()

    for (const user of [staff, member!.user]) {
      const screen = await client.get('/admin/staff').loginAs(user)
      screen.assertStatus(403)
      const grant = await client
        .post(`/admin/staff/${other.id}/money`)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      grant.assertStatus(403)
    }
    await other.refresh()
    assert.isFalse(other.canMoveMoney)
    const nav = await client.get('/admin').loginAs(staff)
    assert.notInclude(nav.text(), 'href="/admin/staff"')
  })

  test('the order page offers money actions only to those who may move money', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 5 })
    const { order: unpaid } = await placeOrder([{ variant }])
    const { order: paid } = await placePaidOrder([{ variant }])
    const pages = async (user: User) => {
      const unpaidPage = await client.get(`/admin/orders/${unpaid.id}`).loginAs(user)
      const paidPage = await client.get(`/admin/orders/${paid.id}`).loginAs(user)
      return { unpaid: unpaidPage.text(), paid: paidPage.text() }
    }

    const withoutGrant = await pages(await UserFactory.apply('staff').create())
    for (const page of ['unpaid', 'paid'] as const) {
      for (const control of MONEY_CONTROLS[page]) assert.notInclude(withoutGrant[page], control)
      assert.include(
        withoutGrant[page],
        '환불, 입금 확인, 검토 보류 결제 승인은 관리자 또는 관리자가 허용한 직원만 할 수 있습니다.'
      )
    }
    // Calling off an unpaid order moves no money: staff keep that.
    assert.include(withoutGrant.unpaid, 'data-test="cancel-order"')

    for (const user of [
      await UserFactory.apply('staff', 'movesMoney').create(),
      await UserFactory.apply('admin').create(),
    ]) {
      const html = await pages(user)
      for (const page of ['unpaid', 'paid'] as const) {
        for (const control of MONEY_CONTROLS[page]) assert.include(html[page], control)
        assert.notInclude(html[page], 'data-test="money-restricted"')
      }
    }
  })
})
