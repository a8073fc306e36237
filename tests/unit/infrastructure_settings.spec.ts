import { test } from '@japa/runner'
import { pgSsl } from '#config/database'
import { redisBackoff } from '#config/redis'

test.group('Infrastructure settings', () => {
  test('DB_SSL turns into pg ssl options', ({ assert }) => {
    assert.isFalse(pgSsl(undefined))
    assert.isFalse(pgSsl('false'))
    assert.deepEqual(pgSsl('no-verify'), { rejectUnauthorized: false })
    assert.deepEqual(pgSsl('true'), { rejectUnauthorized: true })
    const withCa = pgSsl('true', 'tests/fixtures/test-ca.pem')
    assert.deepInclude(withCa, { rejectUnauthorized: true })
    assert.include((withCa as { ca: string }).ca, 'BEGIN CERTIFICATE')
  })

  test('Redis reconnects with a backoff that never gives up', ({ assert }) => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(redisBackoff), [100, 200, 400, 800, 1600, 2000])
    assert.equal(redisBackoff(10_000), 2000)
  })
})
