import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import pg from 'pg'
import env from '#start/env'
import { PrivateRedis } from '#tests/helpers/redis'
import { startWeb } from '#tests/helpers/production_processes'

const onPostgres = env.get('DB_CONNECTION', 'sqlite') === 'pg'

/**
 * Ends every other connection to the suite's database (never another
 * database's), as a PostgreSQL restart or failover would, and says how many.
 */
async function terminateConnections() {
  const admin = new pg.Client({
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 5432),
    user: env.get('DB_USER', 'postgres'),
    password: env.get('DB_PASSWORD'),
    database: 'postgres',
  })
  await admin.connect()
  try {
    const result = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [env.get('DB_DATABASE')]
    )
    return result.rowCount ?? 0
  } finally {
    await admin.end()
  }
}

test.group('Operations | surviving dropped database connections', () => {
  test('requests succeed right after PostgreSQL ends the app’s connections', async ({
    assert,
    cleanup,
  }) => {
    const redis = await PrivateRedis.start()
    cleanup(() => redis.stop())
    const web = await startWeb(redis.port)
    cleanup(() => web.process.stop())
    const get = async (path: string) => {
      const response = await fetch(web.url + path)
      return response.status
    }
    assert.equal(await get('/health/ready'), 200)
    assert.equal(await get('/'), 200)
    await db.rawQuery('SELECT 1')

    assert.isAtLeast(await terminateConnections(), 2, 'the web process’s and this one’s')

    assert.equal(await get('/health/ready'), 200)
    assert.equal(await get('/'), 200)
    await db.rawQuery('SELECT 1')
  })
    .skip(!onPostgres, 'PostgreSQL only (DB_CONNECTION=pg)')
    .timeout(120_000)
})
