import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AuditEvent from '#models/audit_event'
import { FACTORY_PASSWORD, UserFactory, createSellerOwner } from '#database/factories/index'
import { countRows, errorsOf } from './helpers.js'

test.group('Store API | registration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a customer account and answers 201 with it', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/register')
      .json({ email: 'New.Buyer@Example.com', password: 'long-enough-1', name: '김구매' })

    response.assertStatus(201)
    const user = await User.findByOrFail('email', 'new.buyer@example.com')
    const { createdAt, ...account } = response.body().data
    assert.deepEqual(account, {
      id: user.id,
      email: 'new.buyer@example.com',
      fullName: '김구매',
      phone: null,
      role: 'customer',
      locale: null,
      seller: null,
    })
    assert.isFalse(Number.isNaN(Date.parse(createdAt)))
    assert.match(user.password, /^\$scrypt\$/)
    const event = await AuditEvent.findByOrFail('action', 'customer.registered')
    assert.equal(event.subjectId, String(user.id))
  })

  test('rejects an invalid email, a short password and an empty name, and writes nothing', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/api/v1/auth/register')
      .json({ email: 'not-an-email', password: 'short', name: '' })

    response.assertStatus(422)
    assert.sameDeepMembers(errorsOf(response), [
      { field: 'email', code: 'email' },
      { field: 'password', code: 'minLength' },
      { field: 'name', code: 'required' },
    ])
    assert.equal(await countRows('users'), 0)
  })

  test('rejects an email that is already registered, whatever its case', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ email: 'taken@example.com' }).create()
    const response = await client
      .post('/api/v1/auth/register')
      .json({ email: 'TAKEN@example.com', password: 'long-enough-1', name: 'Other' })

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'email', code: 'database.unique' }])
    assert.equal(await countRows('users'), 1)
  })

  test('writes validation messages in English when the client asks for it', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/api/v1/auth/register')
      .header('accept-language', 'en')
      .json({ email: 'buyer@example.com', password: 'short', name: 'Buyer' })

    response.assertStatus(422)
    assert.match(
      response.body().errors[0].message,
      /^The password field must have at least 8 characters$/i
    )
  })
})

test.group('Store API | tokens', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('issues a bearer token that authenticates /me', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const login = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD })

    login.assertStatus(200)
    assert.equal(login.body().type, 'bearer')
    assert.match(login.body().token, /^jt_/)
    assert.isAbove(Date.parse(login.body().expiresAt), Date.now())
    assert.equal(await countRows('auth_access_tokens'), 1)

    const me = await client.get('/api/v1/me').bearerToken(login.body().token)
    me.assertStatus(200)
    assert.equal(me.body().data.id, user.id)
    assert.equal(me.body().data.email, user.email)
  })

  test('shows the seller a member belongs to on /me', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner('pending')
    const response = await client.get('/api/v1/me').withGuard('api').loginAs(owner)

    response.assertStatus(200)
    assert.deepEqual(response.body().data.seller, {
      id: seller.id,
      name: seller.name,
      status: 'pending',
      memberRole: 'owner',
    })
  })

  test('refuses /me without a token with a 401 error', async ({ client }) => {
    const response = await client.get('/api/v1/me')

    response.assertStatus(401)
    response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
  })

  test('refuses /me with a token that was never issued', async ({ client }) => {
    await UserFactory.create()
    const response = await client.get('/api/v1/me').bearerToken('jt_MQ.bm90LWEtcmVhbC10b2tlbg')

    response.assertStatus(401)
    response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
  })

  test('answers a wrong password with 400 and issues no token', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: 'wrong-password' })

    response.assertStatus(400)
    assert.deepEqual(errorsOf(response), [{ code: 'E_INVALID_CREDENTIALS' }])
    assert.equal(await countRows('auth_access_tokens'), 0)
  })

  test('answers an unknown email exactly like a wrong password', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: 'nobody@example.com', password: FACTORY_PASSWORD })

    response.assertStatus(400)
    assert.deepEqual(errorsOf(response), [{ code: 'E_INVALID_CREDENTIALS' }])
  })

  test('rejects a login without a password with a field error', async ({ client, assert }) => {
    const response = await client.post('/api/v1/auth/login').json({ email: 'buyer@example.com' })

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'password', code: 'required' }])
  })

  test('blocks the sixth failed attempt for an email with 429 and Retry-After', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const attempt = (password: string) =>
      client.post('/api/v1/auth/login').json({ email: user.email, password })

    for (let failures = 1; failures <= 5; failures++) {
      const failed = await attempt('wrong-password')
      failed.assertStatus(400)
    }
    const blocked = await attempt(FACTORY_PASSWORD)

    blocked.assertStatus(429)
    assert.deepEqual(errorsOf(blocked), [{ code: 'E_TOO_MANY_REQUESTS' }])
    assert.isAbove(Number(blocked.header('retry-after')), 0)
    assert.equal(await countRows('auth_access_tokens'), 0)
  })

  test('keeps counting failures separately for each email', async ({ client }) => {
    const [target, other] = await UserFactory.createMany(2)
    for (let failures = 1; failures <= 5; failures++) {
      await client
        .post('/api/v1/auth/login')
        .json({ email: target.email, password: 'wrong-password' })
    }
    const response = await client
      .post('/api/v1/auth/login')
      .json({ email: other.email, password: FACTORY_PASSWORD })

    response.assertStatus(200)
  })

  test('revokes the token used to log out', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const login = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD })
    const token = login.body().token

    const logout = await client.post('/api/v1/auth/logout').bearerToken(token)

    logout.assertStatus(204)
    assert.equal(await countRows('auth_access_tokens'), 0)
    const me = await client.get('/api/v1/me').bearerToken(token)
    me.assertStatus(401)
  })

  test('refuses to log out without a token', async ({ client }) => {
    const response = await client.post('/api/v1/auth/logout')

    response.assertStatus(401)
    response.assertBodyContains({ errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
  })
})
