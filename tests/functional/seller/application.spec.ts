import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Seller from '#models/seller'
import SellerMember from '#models/seller_member'
import AuditEvent from '#models/audit_event'
import { UserFactory, createSellerOwner, businessNumber } from '#database/factories/index'

const application = () => ({
  name: '한빛공방',
  businessNumber: '220-81-62517',
  representative: '김한빛',
  contactEmail: 'shop@example.com',
  contactPhone: '010-1234-5678',
  description: '생활 도자기',
  bankName: '국민은행',
  bankAccountHolder: '김한빛',
  bankAccountNumber: '123456-01-234567',
})

test.group('Seller center | applying to sell', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('files an application: a pending seller owned by the applicant', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/sell')
      .form(application())
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/sell')
    const member = await SellerMember.query()
      .where('user_id', user.id)
      .preload('seller')
      .firstOrFail()
    assert.equal(member.role, 'owner')
    assert.equal(member.seller.status, 'pending')
    assert.equal(member.seller.businessNumber, '2208162517')
    assert.equal(member.seller.bankAccountLastDigits, '4567')
    assert.notInclude(member.seller.bankAccountNumber, '123456')

    const event = await AuditEvent.findByOrFail('action', 'seller.applied')
    assert.equal(event.actorId, user.id)
    assert.equal(event.actorRole, 'seller')
    assert.notInclude(event.changes, '234567')

    const status = await client.get('/sell').loginAs(user)
    status.assertTextIncludes('심사 대기')
  })

  test('rejects a business number with a wrong check digit and writes nothing', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/sell')
      .header('referer', '/sell')
      .form({ ...application(), businessNumber: '220-81-62518' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.deepEqual(response.flashMessage('inputErrorsBag').businessNumber, [
      '올바른 사업자등록번호를 입력하세요',
    ])
    assert.lengthOf(await Seller.all(), 0)
  })

  test('rejects a business number another seller already registered', async ({
    client,
    assert,
  }) => {
    const { seller } = await createSellerOwner()
    const user = await UserFactory.create()
    const response = await client
      .post('/sell')
      .header('referer', '/sell')
      .form({ ...application(), businessNumber: seller.businessNumber })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    assert.deepEqual(response.flashMessage('inputErrorsBag').businessNumber, [
      '이미 등록된 사업자등록번호입니다',
    ])
    assert.lengthOf(await Seller.all(), 1)
  })

  test('keeps members of a pending seller out of the seller center', async ({ client }) => {
    const { owner } = await createSellerOwner('pending')
    const response = await client.get('/seller').loginAs(owner).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/sell')
  })

  test('lets a rejected applicant read the reason and apply again', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner('rejected')
    const page = await client.get('/sell').loginAs(owner)
    page.assertTextIncludes('Missing documents')

    const response = await client
      .post('/sell')
      .form({ ...application(), businessNumber: businessNumber() })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await seller.refresh()
    assert.equal(seller.status, 'pending')
    assert.isNull(seller.rejectionReason)
  })

  test('refuses a second application from a member of a pending or approved seller', async ({
    client,
    assert,
  }) => {
    const { owner } = await createSellerOwner('pending')
    const response = await client
      .post('/sell')
      .form({ ...application(), businessNumber: businessNumber() })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(409)
    assert.lengthOf(await Seller.all(), 1)
  })

  test('sends members of an approved seller straight to the seller center', async ({ client }) => {
    const { owner } = await createSellerOwner()
    const response = await client.get('/sell').loginAs(owner).redirects(0)
    response.assertHeader('location', '/seller')
  })

  test('requires signing in to apply', async ({ client }) => {
    const response = await client.get('/sell').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
