import { readFileSync } from 'node:fs'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import pg from 'pg'
import { dataPath, projectPath } from '#config/data'

const migrations = { naturalSort: true, paths: ['database/migrations'] }

/**
 * PostgreSQL's int8 (money columns, count(*), sums of integers) read as a JS
 * number, as SQLite gives it, instead of pg's default string, for every query
 * and model alike. Amounts stay far below 2^53; a value beyond it is refused
 * rather than silently rounded.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`The bigint ${value} does not fit in a JavaScript number`)
  }
  return parsed
})

/**
 * TLS to PostgreSQL from DB_SSL: off, verified (against DB_SSL_CA when the
 * server's certificate is not signed by a public authority), or encrypted
 * without verification (some managed databases' default certificates).
 */
export function pgSsl(mode: 'false' | 'true' | 'no-verify' | undefined, caFile?: string) {
  if (!mode || mode === 'false') return false
  if (mode === 'no-verify') return { rejectUnauthorized: false }
  return { rejectUnauthorized: true, ...(caFile ? { ca: readFileSync(caFile, 'utf8') } : {}) }
}

/**
 * SQLite (an embedded file) by default, PostgreSQL when DB_CONNECTION=pg.
 * Every migration and test runs on both.
 */
const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  prettyPrintDebugQueries: true,
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        // The suite keeps its own file under tmp/ (tests/helpers/database.ts).
        filename: app.inTest
          ? projectPath(env.get('SQLITE_PATH') || 'tmp/test.sqlite3')
          : dataPath('jangteo.sqlite3', env.get('SQLITE_PATH')),
      },
      useNullAsDefault: true,
      pool: {
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          connection.pragma('journal_mode = WAL')
          connection.pragma('busy_timeout = 5000')
          connection.pragma('foreign_keys = ON')
          connection.pragma('synchronous = NORMAL')
          done(null, connection)
        },
      },
      migrations,
      schemaGeneration: { enabled: false },
    },
    pg: {
      client: 'pg',
      connection: {
        host: env.get('DB_HOST', '127.0.0.1'),
        port: env.get('DB_PORT', 5432),
        user: env.get('DB_USER', 'postgres'),
        password: env.get('DB_PASSWORD'),
        database: env.get('DB_DATABASE', 'jangteo'),
        ssl: pgSsl(env.get('DB_SSL'), env.get('DB_SSL_CA')),
      },
      // A connection the server dropped (a restart, pg_terminate_backend, a
      // failover) is discarded by knex when pg reports its error or end, and
      // the next query opens a new one: no idle connection needs checking.
      pool: { min: env.get('DB_POOL_MIN') ?? 0, max: env.get('DB_POOL_MAX') ?? 10 },
      migrations,
      schemaGeneration: {
        enabled: app.inDev,
        rulesPaths: ['#database/schema_rules'],
        excludeTables: ['queue_jobs', 'queue_schedules', 'rate_limits', 'sessions'],
      },
    },
  },
})

export default dbConfig
