import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import encryption from '@adonisjs/core/services/encryption'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { UserFactory, businessNumber, createSellerOwner } from '#database/factories/index'
import { formatBusinessNumber } from '#validators/rules/business_number'
import {
  NEW_ACCOUNT,
  changesOf,
  saveSettings,
  sellerAudit,
  settingsForm,
  verifiedDetails,
} from '../seller/settings_helpers.js'

const decrypt = (value: string) => encryption.decrypt<string>(value, 'seller-bank-account')

/** An approved seller with a pending request to change its name, number and account. */
async function sellerWithRequest(client: ApiClient) {
  const { owner, seller } = await createSellerOwner()
  const newNumber = businessNumber()
  await saveSettings(
    client,
    owner,
    settingsForm(seller, {
      name: '바뀐상회',
      businessNumber: newNumber,
      bankName: '우리은행',
      bankAccountNumber: NEW_ACCOUNT,
    })
  )
  const [request] = await changesOf(seller)
  return { owner, seller, request, newNumber }
}

function decide(client: ApiClient, user: User, path: string, reason?: string) {
  const call = client.post(path).loginAs(user).withCsrfToken().redirects(0)
  return reason === undefined ? call : call.form({ reason })
}

test.group('Back office | seller detail changes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // A payout account change mails the admins through the queue.
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('lists pending requests, oldest first, with the fields they change', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await sellerWithRequest(client)

    const page = await client.get('/admin/seller-changes').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes(seller.name)
    page.assertTextIncludes('상호 (스토어 이름), 사업자등록번호, 은행, 계좌번호')
    const sellers = await client.get('/admin/sellers').loginAs(admin)
    assert.include(sellers.text(), '심사 대기 1건')
    const dashboard = await client.get('/admin').loginAs(admin)
    assert.match(dashboard.text(), /data-test="pending-seller-changes">1</)
  })

  test('shows the values in force beside the requested ones, account numbers masked', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller, request, newNumber } = await sellerWithRequest(client)

    const page = await client.get(`/admin/seller-changes/${request.id}`).loginAs(admin)
    const html = page.text()
    assert.match(
      html,
      new RegExp(
        `data-field="businessNumber"\\s+data-changed="true"[\\s\\S]*?${formatBusinessNumber(seller.businessNumber)}[\\s\\S]*?${formatBusinessNumber(newNumber)}`
      )
    )
    assert.match(html, /data-field="bankAccountNumber"\s+data-changed="true"[\s\S]*?\*\*\*\*6789/)
    assert.include(html, '****8812')
    assert.match(html, /data-field="representative"\s+data-changed="false"/)
    for (const digits of ['778812', '0202', '123-456789']) assert.notInclude(html, digits)
    assert.include(html, 'data-test="approve"')
    const sellerPage = await client.get(`/admin/sellers/${seller.id}`).loginAs(admin)
    assert.include(sellerPage.text(), `/admin/seller-changes/${request.id}`)
  })

  test('approving applies every requested value in one go, and the seller sees it', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { owner, seller, request, newNumber } = await sellerWithRequest(client)

    const response = await decide(client, admin, `/admin/seller-changes/${request.id}/approve`)
    response.assertStatus(302)
    response.assertHeader('location', '/admin/seller-changes')
    response.assertFlashMessage('success', '바뀐상회의 정보 변경을 승인했습니다.')

    await seller.refresh()
    assert.equal(seller.name, '바뀐상회')
    assert.equal(seller.businessNumber, newNumber)
    assert.equal(seller.bankName, '우리은행')
    assert.equal(seller.bankAccountLastDigits, '8812')
    assert.equal(decrypt(seller.bankAccountNumber), NEW_ACCOUNT)
    assert.equal(seller.status, 'approved')
    await request.refresh()
    assert.equal(request.status, 'approved')
    assert.equal(request.reviewedById, admin.id)
    assert.isNotNull(request.reviewedAt)

    const settings = await client.get('/seller/settings').loginAs(owner)
    assert.include(settings.text(), 'data-test="decided-change"')
    assert.include(settings.text(), '변경 요청이 승인되어 반영되었습니다.')
    const storefront = await client.get(`/sellers/${seller.slug}`)
    storefront.assertTextIncludes('바뀐상회')
  })

  test('rejecting keeps the values in force and tells the seller why', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { owner, seller, request } = await sellerWithRequest(client)
    const verified = verifiedDetails(seller)

    const response = await decide(
      client,
      staff,
      `/admin/seller-changes/${request.id}/reject`,
      '통장 사본의 예금주가 대표자와 다릅니다'
    )
    response.assertStatus(302)
    await seller.refresh()
    assert.deepEqual(verifiedDetails(seller), verified)
    await request.refresh()
    assert.equal(request.status, 'rejected')
    assert.equal(request.reviewedById, staff.id)
    assert.equal(request.rejectionReason, '통장 사본의 예금주가 대표자와 다릅니다')

    const settings = await client.get('/seller/settings').loginAs(owner)
    settings.assertTextIncludes('변경 요청이 반려되었습니다.')
    settings.assertTextIncludes('통장 사본의 예금주가 대표자와 다릅니다')
    assert.notInclude(settings.text(), 'data-test="pending-change"')
  })

  test('records approvals and rejections in the audit log without account numbers', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const approved = await sellerWithRequest(client)
    const rejected = await sellerWithRequest(client)
    await decide(client, admin, `/admin/seller-changes/${approved.request.id}/approve`)
    await decide(
      client,
      admin,
      `/admin/seller-changes/${rejected.request.id}/reject`,
      '서류 불일치'
    )

    const [approval] = await sellerAudit(approved.seller, ['seller.identity_change_approved'])
    assert.equal(approval.actorId, admin.id)
    assert.equal(approval.actorRole, 'admin')
    assert.deepEqual(approval.diff.after, {
      name: '바뀐상회',
      businessNumber: approved.newNumber,
      bankName: '우리은행',
      bankAccountLastDigits: '8812',
      bankAccountNumber: '[redacted]',
      identityChangeId: approved.request.id,
      identityChangeStatus: 'approved',
    })
    assert.equal(approval.diff.before.identityChangeStatus, 'pending')

    const [rejection] = await sellerAudit(rejected.seller, ['seller.identity_change_rejected'])
    assert.deepEqual(rejection.diff, {
      before: { identityChangeStatus: 'pending' },
      after: {
        identityChangeId: rejected.request.id,
        identityChangeStatus: 'rejected',
        rejectionReason: '서류 불일치',
      },
    })
    for (const event of [approval, rejection]) {
      for (const digits of ['778812', '3330202', '123456789', '456789']) {
        assert.notInclude(event.changes, digits)
      }
    }
  })

  test('refuses to approve a business number another seller registered meanwhile', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller, request, newNumber } = await sellerWithRequest(client)
    const { seller: other } = await createSellerOwner()
    other.businessNumber = newNumber
    await other.save()
    const verified = verifiedDetails(seller)

    const response = await client
      .post(`/admin/seller-changes/${request.id}/approve`)
      .header('referer', `/admin/seller-changes/${request.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/admin/seller-changes/${request.id}`)
    assert.deepEqual(response.flashMessage('inputErrorsBag').businessNumber, [
      '이미 등록된 사업자등록번호입니다',
    ])
    await seller.refresh()
    assert.deepEqual(verifiedDetails(seller), verified)
    await request.refresh()
    assert.equal(request.status, 'pending')
    assert.lengthOf(await sellerAudit(seller, ['seller.identity_change_approved']), 0)
  })

  test('a request decided or withdrawn meanwhile cannot be decided again', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { owner, seller, request } = await sellerWithRequest(client)
    await client.post('/seller/settings/withdraw').loginAs(owner).withCsrfToken()

    const response = await decide(client, admin, `/admin/seller-changes/${request.id}/approve`)
    response.assertHeader('location', `/admin/seller-changes/${request.id}`)
    response.assertFlashMessage(
      'error',
      '이 요청은 이미 처리되었거나 판매자가 철회했습니다. 지금 상태를 확인하세요.'
    )
    await seller.refresh()
    assert.notEqual(seller.name, '바뀐상회')
    await request.refresh()
    assert.equal(request.status, 'withdrawn')
  })

  test('a rejection needs a reason; without one nothing changes', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { request } = await sellerWithRequest(client)
    for (const reason of ['', '짧음', '사유\u0000입니다만', '가'.repeat(1001)]) {
      const response = await client
        .post(`/admin/seller-changes/${request.id}/reject`)
        .header('referer', `/admin/seller-changes/${request.id}`)
        .form({ reason })
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)
      if (response.status() === 400) continue
      response.assertStatus(302)
      assert.isArray(response.flashMessage('inputErrorsBag')?.reason, reason)
    }
    await request.refresh()
    assert.equal(request.status, 'pending')
    assert.isNull(request.rejectionReason)
  })

  test('customers and sellers can neither see nor decide requests; staff and admins can', async ({
    client,
    assert,
  }) => {
    const customer = await UserFactory.create()
    const { seller, request, owner } = await sellerWithRequest(client)
    const { owner: otherSeller } = await createSellerOwner()
    const verified = verifiedDetails(seller)

    for (const user of [customer, owner, otherSeller]) {
      for (const path of ['/admin/seller-changes', `/admin/seller-changes/${request.id}`]) {
        const page = await client.get(path).loginAs(user)
        page.assertStatus(403)
        assert.notInclude(page.text(), '바뀐상회')
      }
      const approve = await decide(client, user, `/admin/seller-changes/${request.id}/approve`)
      approve.assertStatus(403)
      const reject = await decide(
        client,
        user,
        `/admin/seller-changes/${request.id}/reject`,
        '제가 거절합니다'
      )
      reject.assertStatus(403)
    }
    const anonymous = await client.get(`/admin/seller-changes/${request.id}`).redirects(0)
    anonymous.assertHeader('location', '/login')

    await seller.refresh()
    assert.deepEqual(verifiedDetails(seller), verified)
    await request.refresh()
    assert.equal(request.status, 'pending')

    const staff = await UserFactory.apply('staff').create()
    const page = await client.get(`/admin/seller-changes/${request.id}`).loginAs(staff)
    page.assertStatus(200)
  })
})

test.group('Back office | seller detail changes | bad ids', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answers 404 for a request that does not exist', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await client.get('/admin/seller-changes/999999').loginAs(admin)
    page.assertStatus(404)
    const approve = await decide(client, admin, '/admin/seller-changes/999999/approve')
    approve.assertStatus(404)
  })
})
