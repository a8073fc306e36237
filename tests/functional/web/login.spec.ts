import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/index'

test.group('Storefront | log in and out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signs a customer in and takes them home', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'buyer@example.com' }).create()
    const response = await client
      .post('/login')
      .form({ email: 'Buyer@Example.com', password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    // The session remembers the user and the session version it signed in with.
    response.assertSession('auth_web', `${user.id}:0`)
  })

  test('sends staff and admins to the back office after signing in', async ({ client }) => {
    await UserFactory.apply('staff').merge({ email: 'staff@example.com' }).create()
    const response = await client
      .post('/login')
      .form({ email: 'staff@example.com', password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/admin')
  })

  test('refuses a wrong password without saying which part was wrong', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ email: 'buyer@example.com' }).create()
    for (const email of ['buyer@example.com', 'nobody@example.com']) {
      const response = await client
        .post('/login')
        .header('referer', '/login')
        .form({ email, password: 'wrong-password' })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertFlashMessage('error', '이메일 또는 비밀번호가 올바르지 않습니다.')
      assert.isUndefined(response.session().auth_web)
    }
  })

  test('blocks an email after five failed attempts, even with the right password', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ email: 'target@example.com' }).create()
    for (let attempt = 0; attempt < 5; attempt++) {
      await client
        .post('/login')
        .form({ email: 'target@example.com', password: `guess-${attempt}` })
        .withCsrfToken()
        .redirects(0)
    }
    const response = await client
      .post('/login')
      .form({ email: 'target@example.com', password: FACTORY_PASSWORD })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(429)
    assert.include(response.text(), '로그인 시도가 너무 많습니다')
    assert.isUndefined(response.session().auth_web)
  })

  test('validates the form before checking credentials', async ({ client }) => {
    const response = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'not-an-email', password: '' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['올바른 이메일 주소를 입력하세요'],
      password: ['비밀번호를 입력하세요'],
    })
  })

  test('signs out', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).withCsrfToken().redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSessionMissing('auth_web')
  })

  test('keeps signed-in users away from the login and sign-up pages', async ({ client }) => {
    const user = await UserFactory.create()
    for (const path of ['/login', '/signup']) {
      const response = await client.get(path).loginAs(user).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/')
    }
  })
})
