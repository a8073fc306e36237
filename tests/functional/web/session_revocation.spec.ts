import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/index'
import { DEFAULT_SESSION_STORE } from '#config/session'
import { Visitor, sessionStore, useSessionStore } from '#tests/helpers/sessions'

/*
 * Ending sessions, on the store a new install runs with (and on Redis when
 * the suite runs with Redis): through real HTTP, each visitor with its own
 * cookie jar, and a "copy" being someone else holding the same cookie.
 */
const stores = [DEFAULT_SESSION_STORE, ...(process.env.QUEUE_DRIVER === 'redis' ? ['redis'] : [])]

const newPassword = {
  currentPassword: FACTORY_PASSWORD,
  password: 'a-brand-new-password',
  passwordConfirmation: 'a-brand-new-password',
}

for (const store of stores) {
  test.group(`Sessions | ending them (${store} store)`, (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    useSessionStore(group, store)

    test('a copy of the session cookie is signed out once its owner signs out', async ({
      assert,
    }) => {
      const user = await UserFactory.create()
      const owner = new Visitor()
      await owner.signIn(user.email, FACTORY_PASSWORD)
      const copy = owner.copy()
      const endedId = await owner.sessionId()
      assert.isTrue(await copy.isSignedIn())

      const logout = await owner.submit('/account', '/logout', {})
      assert.equal(logout.status, 302)

      assert.isFalse(await copy.isSignedIn())
      assert.isFalse(await owner.isSignedIn())
      // The copy's cookie now points at a fresh, empty session: the signed-in one is gone.
      const sessions = await sessionStore(store)
      const ended = await sessions.read(endedId)
      assert.notProperty(ended ?? {}, 'auth_web')
    })

    test('a password change signs out every other session and revokes API tokens, this one stays', async ({
      client,
      assert,
    }) => {
      const user = await UserFactory.create()
      const current = new Visitor()
      const elsewhere = new Visitor()
      await current.signIn(user.email, FACTORY_PASSWORD)
      await elsewhere.signIn(user.email, FACTORY_PASSWORD)
      const copyOfCurrent = current.copy()
      const login = await client
        .post('/api/v1/auth/login')
        .json({ email: user.email, password: FACTORY_PASSWORD })
      const token = login.body().token
      const before = await client.get('/api/v1/me').bearerToken(token)
      before.assertStatus(200)

      const change = await current.submit('/account', '/account/password?_method=PUT', newPassword)
      assert.equal(change.status, 302)

      assert.isTrue(await current.isSignedIn())
      assert.isFalse(await elsewhere.isSignedIn())
      assert.isFalse(await copyOfCurrent.isSignedIn(), 'the current session moved to a new id')
      const after = await client.get('/api/v1/me').bearerToken(token)
      after.assertStatus(401)
      const tokens = await db.from('auth_access_tokens').where('tokenable_id', user.id)
      assert.lengthOf(tokens, 0)
    })

    test('a session written back after a password change still signs no one in', async ({
      assert,
    }) => {
      const user = await UserFactory.create()
      const current = new Visitor()
      const elsewhere = new Visitor()
      await current.signIn(user.email, FACTORY_PASSWORD)
      await elsewhere.signIn(user.email, FACTORY_PASSWORD)
      const sessions = await sessionStore(store)
      const otherId = await elsewhere.sessionId()
      const before = await sessions.read(otherId)

      await current.submit('/account', '/account/password?_method=PUT', newPassword)
      // A request of the other session that was running during the change ends by saving it.
      await sessions.write(otherId, before!)

      assert.isFalse(await elsewhere.isSignedIn())
      assert.isTrue(await current.isSignedIn())
    })

    test('signs in again with the new password after a change', async ({ assert }) => {
      const user = await UserFactory.create()
      const current = new Visitor()
      await current.signIn(user.email, FACTORY_PASSWORD)
      await current.submit('/account', '/account/password?_method=PUT', newPassword)

      const later = new Visitor()
      await later.signIn(user.email, FACTORY_PASSWORD)
      assert.isFalse(await later.isSignedIn())
      await later.signIn(user.email, newPassword.password)
      assert.isTrue(await later.isSignedIn())
    })
  })
}

test.group('Sessions | expired sessions in the database store', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deletes expired sessions when sessions are written', async ({ assert, cleanup }) => {
    const sessions = await sessionStore('database')
    const past = new Date(Date.now() - 60_000)
    await db.table('sessions').insert({ id: 'expired-session', data: '{}', expires_at: past })
    const random = Math.random
    cleanup(() => {
      Math.random = random
    })
    // The store collects garbage on a random share (gcProbability) of its writes: this one.
    Math.random = () => 0

    await sessions.write('fresh-session', { visits: 1 })

    const rows = await db.from('sessions').select('id')
    assert.deepEqual(
      rows.map((row) => row.id),
      ['fresh-session']
    )
    assert.deepEqual(await sessions.read('fresh-session'), { visits: 1 })
  })

  test('treats an expired session as none and removes it', async ({ assert }) => {
    const sessions = await sessionStore('database')
    await sessions.write('old-session', { auth_web: '1:0' })
    await db
      .from('sessions')
      .where('id', 'old-session')
      .update({ expires_at: new Date(Date.now() - 1000) })

    assert.isNull(await sessions.read('old-session'))
    assert.lengthOf(await db.from('sessions').where('id', 'old-session'), 0)
  })
})
