import { mkdir, rm } from 'node:fs/promises'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * Gives the suite an empty database: a fresh SQLite file, or on PostgreSQL
 * (DB_CONNECTION=pg) the test database, created when missing and emptied
 * otherwise. Refuses to touch a PostgreSQL database whose name does not
 * contain "test".
 */
export async function prepareTestDatabase() {
  if (env.get('DB_CONNECTION', 'sqlite') !== 'pg') {
    const file = app.makePath(env.get('SQLITE_PATH') || 'tmp/test.sqlite3')
    await mkdir(app.tmpPath(), { recursive: true })
    await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(file + suffix, { force: true })))
    return
  }

  const database = env.get('DB_DATABASE', 'jangteo_test')
  if (!database.includes('test')) {
    throw new Error(
      `Refusing to run tests against "${database}": the test database name must contain "test"`
    )
  }
  const connection = {
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 5432),
    user: env.get('DB_USER', 'postgres'),
    password: env.get('DB_PASSWORD'),
  }
  const admin = new pg.Client({ ...connection, database: 'postgres' })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (!exists.rowCount) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '')}"`)
  await admin.end()

  const target = new pg.Client({ ...connection, database })
  await target.connect()
  await target.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
  await target.end()
}
