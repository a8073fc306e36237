import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/index'

const LANGUAGES = [
  {
    language: 'ko',
    loginNeeded: '로그인이 필요합니다. 로그인한 뒤 계속하세요.',
    expired: '페이지가 만료되었습니다. 새로 고친 뒤 다시 시도하세요.',
  },
  {
    language: 'en',
    loginNeeded: 'Please log in to continue.',
    expired: 'This page has expired. Reload it and try again.',
  },
]

test.group('Storefront | refusals in the visitor language', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a guest sent to the login page is asked to log in ({language})')
    .with(LANGUAGES)
    .run(async ({ client, assert }, { language, loginNeeded }) => {
      const response = await client.get('/account').header('accept-language', language)

      response.assertStatus(200)
      assert.include(response.redirects()[0] ?? '', '/login')
      response.assertTextIncludes(loginNeeded)
      assert.notInclude(response.text(), 'Unauthorized access')
    })

  test('a form sent with an expired token says so ({language})')
    .with(LANGUAGES)
    .run(async ({ client, assert }, { language, expired }) => {
      const user = await UserFactory.create()
      const response = await client
        .put('/account')
        .header('accept-language', language)
        .header('referer', '/account')
        .form({ fullName: '새 이름' })
        .loginAs(user)
        .redirects(0)

      response.assertStatus(302)
      assert.equal(response.flashMessages().error, expired)
    })
})
