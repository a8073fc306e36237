import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AuditEvent from '#models/audit_event'
import { UserFactory } from '#database/factories/index'

test.group('Storefront | sign up', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a customer account, signs it in and records the event', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .form({ name: '김고객', email: 'New.Customer@Example.com', password: 'long-enough-1' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    const user = await User.findByOrFail('email', 'new.customer@example.com')
    assert.equal(user.role, 'customer')
    assert.notEqual(user.password, 'long-enough-1')
    assert.match(user.password, /^\$scrypt\$/)

    const event = await AuditEvent.findByOrFail('action', 'customer.registered')
    assert.equal(event.subjectId, String(user.id))
    assert.notInclude(event.changes, 'long-enough-1')
  })

  test('rejects an invalid email and a short password, and writes nothing', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .header('referer', '/signup')
      .form({ name: 'x', email: 'not-an-email', password: 'short' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['올바른 이메일 주소를 입력하세요'],
      password: ['비밀번호는 8자 이상이어야 합니다'],
    })
    assert.equal(
      await User.query()
        .count('* as total')
        .then((rows) => Number(rows[0].$extras.total)),
      0
    )
  })

  test('rejects an email that is already registered', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'taken@example.com' }).create()
    const response = await client
      .post('/signup')
      .header('referer', '/signup')
      .form({ name: 'Other', email: 'TAKEN@example.com', password: 'long-enough-1' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.deepEqual(response.flashMessage('inputErrorsBag').email, ['이미 사용 중인 이메일입니다'])
    assert.lengthOf(await User.query().where('email', 'taken@example.com'), 1)
  })

  test('refuses a form posted without a CSRF token', async ({ client, assert }) => {
    const response = await client
      .post('/signup')
      .form({ name: '김고객', email: 'csrf@example.com', password: 'long-enough-1' })
      .redirects(0)

    assert.notEqual(response.status(), 200)
    assert.isNull(await User.findBy('email', 'csrf@example.com'))
  })

  test('answers a body over the size limit with 413 and writes nothing', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .form({ name: 'x'.repeat(300 * 1024), email: 'big@example.com', password: 'long-enough-1' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(413)
    assert.isNull(await User.findBy('email', 'big@example.com'))
  })
})
