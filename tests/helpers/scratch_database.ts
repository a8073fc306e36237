import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import pg from 'pg'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { sqliteEnv } from '#tests/helpers/processes'

/**
 * An empty database of the suite's kind (a SQLite file, or a PostgreSQL
 * database beside the test one when DB_CONNECTION=pg) for commands run as
 * child processes: the environment that points them at it, and a connection
 * to read what they wrote. Both go away after the test.
 */
export async function scratchDatabase(cleanup: (fn: () => Promise<void>) => void) {
  const name = `scratch_${randomBytes(4).toString('hex')}`
  const file = `tmp/${name}.sqlite3`
  const base = sqliteEnv(file, 'development')

  if (env.get('DB_CONNECTION', 'sqlite') !== 'pg') {
    db.manager.add(name, {
      client: 'better-sqlite3',
      connection: { filename: app.makePath(file) },
      useNullAsDefault: true,
    })
    cleanup(async () => {
      await db.manager.close(name, true)
      await Promise.all(
        ['', '-wal', '-shm'].map((end) => rm(app.makePath(file + end), { force: true }))
      )
    })
    return { env: base, client: db.connection(name) }
  }

  const server = {
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 5432),
    user: env.get('DB_USER', 'postgres'),
    password: env.get('DB_PASSWORD'),
  }
  const database = `${env.get('DB_DATABASE', 'jangteo_test')}_${name}`
  const admin = new pg.Client({ ...server, database: 'postgres' })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  db.manager.add(name, { client: 'pg', connection: { ...server, database } })
  cleanup(async () => {
    await db.manager.close(name, true)
    const dropper = new pg.Client({ ...server, database: 'postgres' })
    await dropper.connect()
    await dropper.query(`DROP DATABASE IF EXISTS "${database}"`)
    await dropper.end()
  })
  return {
    env: {
      ...base,
      DB_CONNECTION: 'pg',
      DB_HOST: server.host,
      DB_PORT: String(server.port),
      DB_USER: server.user,
      DB_PASSWORD: server.password ?? '',
      DB_DATABASE: database,
    },
    client: db.connection(name),
  }
}
