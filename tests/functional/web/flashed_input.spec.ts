import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { NEW_ACCOUNT, settingsForm } from '#tests/functional/seller/settings_helpers'

/*
 * A refused form is refilled from input flashed into the session, which is
 * stored server-side (a database row by default). Secrets never go there.
 */
test.group('Forms | what a refused form keeps', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a refused password change keeps none of the passwords typed', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const refused = await client
      .put('/account/password')
      .header('referer', '/account')
      .form({
        currentPassword: 'the-current-one',
        password: 'brand-new-pass',
        passwordConfirmation: 'does-not-match',
      })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)

    refused.assertStatus(302)
    // Flashed input sits at the top of the flash messages, beside the error bags.
    const flashed = refused.flashMessages()
    assert.property(flashed.inputErrorsBag, 'passwordConfirmation')
    assert.notProperty(flashed, 'currentPassword')
    assert.notProperty(flashed, 'password')
    assert.notProperty(flashed, 'passwordConfirmation')
    assert.notInclude(JSON.stringify(flashed), 'brand-new-pass')
    assert.notInclude(JSON.stringify(flashed), 'the-current-one')
  })

  test('refused store settings keep what was typed except the account number', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const refused = await client
      .put('/seller/settings')
      .header('referer', '/seller/settings')
      .form(
        settingsForm(seller, {
          businessNumber: '123-45-67890',
          name: '바뀐상회',
          bankAccountNumber: NEW_ACCOUNT,
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    refused.assertStatus(302)
    const flashed = refused.flashMessages()
    assert.property(flashed.inputErrorsBag, 'businessNumber')
    assert.equal(flashed.name, '바뀐상회')
    assert.notProperty(flashed, 'bankAccountNumber')
    assert.notInclude(JSON.stringify(flashed), NEW_ACCOUNT)
  })
})
