import { test } from '@japa/runner'
import config from '@adonisjs/core/services/config'
import { Redis } from 'ioredis'
import { PrivateRedis, deleteKeysUnderPrefix } from '#tests/helpers/redis'

test.group('Operations | Redis key prefix and database', (group) => {
  let server: PrivateRedis
  group.setup(async () => {
    server = await PrivateRedis.start()
    return () => server.stop()
  })

  test('the suite runs on its own Redis database and key prefix', ({ assert }) => {
    const main = config.get<{ db: number; keyPrefix: string }>('redis.connections.main')
    assert.equal(main.db, 1)
    assert.equal(main.keyPrefix, 'jangteo-test:')
  })

  test('the suite’s cleanup deletes only keys under its prefix, in its database', async ({
    assert,
    cleanup,
  }) => {
    const connect = (options: { db: number; keyPrefix?: string }) => {
      const client = new Redis({ port: server.port, ...options })
      cleanup(async () => {
        await client.quit()
      })
      return client
    }
    const suite = connect({ db: 1, keyPrefix: 'jangteo-test:' })
    const raw = connect({ db: 1 })
    const otherDb = connect({ db: 0 })
    await suite.set('jobs::default::data', 'x')
    await suite.set('a-session-id', 'x')
    await raw.set('other-app:jobs::default::data', 'kept')
    await raw.set('jangteo-test-other:key', 'kept')
    await otherDb.set('jangteo-test:jobs::default::data', 'kept')

    await deleteKeysUnderPrefix(suite)

    const left = await raw.keys('*')
    assert.deepEqual(left.sort(), ['jangteo-test-other:key', 'other-app:jobs::default::data'])
    assert.deepEqual(await otherDb.keys('*'), ['jangteo-test:jobs::default::data'])
  })

  test('refuses to delete keys without a prefix', async ({ assert, cleanup }) => {
    const client = new Redis({ port: server.port, db: 1 })
    cleanup(async () => {
      await client.quit()
    })
    await client.set('someone-else', 'kept')
    await assert.rejects(() => deleteKeysUnderPrefix(client), /set REDIS_PREFIX/)
    assert.equal(await client.get('someone-else'), 'kept')
  })
})
