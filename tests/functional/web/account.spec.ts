import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Address from '#models/address'
import AuditEvent from '#models/audit_event'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/index'

const seoul = {
  label: '집',
  recipient: '김고객',
  phone: '010-1234-5678',
  country: 'KR',
  postalCode: '06236',
  line1: '서울특별시 강남구 테헤란로 152',
  line2: '12층',
}

test.group('Account | profile, password and addresses', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('updates the profile and remembers the language', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .put('/account')
      .form({ fullName: '새 이름', phone: '010-9999-0000', locale: 'en' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertCookie('jangteo-locale')
    await user.refresh()
    assert.equal(user.fullName, '새 이름')
    assert.equal(user.locale, 'en')
    const event = await AuditEvent.findByOrFail('action', 'customer.profile_updated')
    assert.deepEqual(event.diff.after, {
      fullName: '새 이름',
      phone: '010-9999-0000',
      locale: 'en',
    })
  })

  test('rejects a malformed phone number', async ({ client, assert }) => {
    const user = await UserFactory.merge({ fullName: '원래 이름' }).create()
    const response = await client
      .put('/account')
      .header('referer', '/account')
      .form({ fullName: '새 이름', phone: 'call me' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    assert.property(response.flashMessage('inputErrorsBag'), 'phone')
    await user.refresh()
    assert.equal(user.fullName, '원래 이름')
  })

  test('changes the password only with the current one and a matching confirmation', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const wrong = await client
      .put('/account/password')
      .header('referer', '/account')
      .form({
        currentPassword: 'nope',
        password: 'brand-new-pass',
        passwordConfirmation: 'brand-new-pass',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.deepEqual(wrong.flashMessage('inputErrorsBag').currentPassword, [
      '현재 비밀번호가 올바르지 않습니다',
    ])

    const mismatch = await client
      .put('/account/password')
      .header('referer', '/account')
      .form({
        currentPassword: FACTORY_PASSWORD,
        password: 'brand-new-pass',
        passwordConfirmation: 'other',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.property(mismatch.flashMessage('inputErrorsBag'), 'passwordConfirmation')
    await user.refresh()
    assert.isTrue(await user.verifyPassword(FACTORY_PASSWORD))

    await client
      .put('/account/password')
      .form({
        currentPassword: FACTORY_PASSWORD,
        password: 'brand-new-pass',
        passwordConfirmation: 'brand-new-pass',
      })
      .loginAs(user)
      .withCsrfToken()
    await user.refresh()
    assert.isTrue(await user.verifyPassword('brand-new-pass'))
    const event = await AuditEvent.findByOrFail('action', 'customer.profile_updated')
    assert.notInclude(event.changes, 'brand-new-pass')
  })

  test('blocks the current-password check after five wrong tries, even with the right one', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const neighbour = await UserFactory.create()
    const change = (who: typeof user, currentPassword: string) =>
      client
        .put('/account/password')
        .header('referer', '/account')
        .form({
          currentPassword,
          password: 'brand-new-pass',
          passwordConfirmation: 'brand-new-pass',
        })
        .loginAs(who)
        .withCsrfToken()
        .redirects(0)
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await change(user, `guess-${attempt}`)
      assert.deepEqual(wrong.flashMessage('inputErrorsBag').currentPassword, [
        '현재 비밀번호가 올바르지 않습니다',
      ])
    }

    const blocked = await change(user, FACTORY_PASSWORD)
    blocked.assertStatus(429)
    assert.include(blocked.text(), '현재 비밀번호가 여러 번 틀렸습니다. 15분 후에 다시 시도하세요.')
    await user.refresh()
    assert.isTrue(await user.verifyPassword(FACTORY_PASSWORD))

    // The block is for this user (from this address), not for everyone behind it.
    const other = await change(neighbour, FACTORY_PASSWORD)
    other.assertStatus(302)
    await neighbour.refresh()
    assert.isTrue(await neighbour.verifyPassword('brand-new-pass'))
  })

  test('adds a Korean address, making the first one the default', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client.post('/account/addresses').form(seoul).loginAs(user).withCsrfToken()
    const address = await Address.findByOrFail('user_id', user.id)
    assert.isTrue(address.isDefault)
    assert.equal(address.postalCode, '06236')

    const page = await client.get('/account').loginAs(user)
    page.assertTextIncludes('서울특별시 강남구 테헤란로 152')
  })

  test('requires a 5-digit postal code in Korea and a city abroad', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const korean = await client
      .post('/account/addresses')
      .header('referer', '/account')
      .form({ ...seoul, postalCode: '1234' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.property(korean.flashMessage('inputErrorsBag'), 'postalCode')

    const abroad = await client
      .post('/account/addresses')
      .header('referer', '/account')
      .form({ ...seoul, country: 'US', postalCode: '94103', city: '' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.property(abroad.flashMessage('inputErrorsBag'), 'city')
    assert.lengthOf(await Address.all(), 0)
  })

  test('moves the default to a newly marked address', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await client.post('/account/addresses').form(seoul).loginAs(user).withCsrfToken()
    await client
      .post('/account/addresses')
      .form({ ...seoul, label: '회사', isDefault: 'true' })
      .loginAs(user)
      .withCsrfToken()

    const addresses = await Address.query().where('user_id', user.id).orderBy('id')
    assert.deepEqual(
      addresses.map((address) => [address.label, address.isDefault]),
      [
        ['집', false],
        ['회사', true],
      ]
    )
  })

  test("answers 404 for someone else's address and leaves it alone", async ({ client, assert }) => {
    const owner = await UserFactory.create()
    const intruder = await UserFactory.create()
    const address = await Address.create({ ...seoul, userId: owner.id, isDefault: true })

    const update = await client
      .put(`/account/addresses/${address.id}`)
      .form({ ...seoul, recipient: 'Intruder' })
      .loginAs(intruder)
      .withCsrfToken()
      .redirects(0)
    update.assertStatus(404)
    const remove = await client
      .delete(`/account/addresses/${address.id}`)
      .loginAs(intruder)
      .withCsrfToken()
      .redirects(0)
    remove.assertStatus(404)

    await address.refresh()
    assert.equal(address.recipient, '김고객')
  })

  test('removes an address', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const address = await Address.create({ ...seoul, userId: user.id, isDefault: true })
    await client.delete(`/account/addresses/${address.id}`).loginAs(user).withCsrfToken()
    assert.isNull(await Address.find(address.id))
    assert.exists(await AuditEvent.findBy('action', 'customer.address_removed'))
  })

  test('requires signing in', async ({ client }) => {
    const response = await client.get('/account').redirects(0)
    response.assertHeader('location', '/login')
  })
})
