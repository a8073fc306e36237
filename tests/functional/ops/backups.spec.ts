import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { QueueManager, Schedule } from '@adonisjs/queue'
import env from '#start/env'
import { backupDatabase } from '#backups/database_backups'
import { backupName } from '#backups/backup_files'
import { SCHEDULES, registerSchedules } from '#jobs/schedules'
import { createListing } from '#tests/helpers/commerce'
import { workUntil } from '#tests/helpers/queue'
import { runNode, sqliteEnv } from '#tests/helpers/processes'
import { placeOrder, placePaidOrder } from '#tests/functional/orders/helpers'

const onPg = () => env.get('DB_CONNECTION', 'sqlite') === 'pg'
const pgServer = () => ({
  host: env.get('DB_HOST', '127.0.0.1'),
  port: env.get('DB_PORT', 5432),
  user: env.get('DB_USER', 'postgres'),
  password: env.get('DB_PASSWORD'),
})

/** A database for one child process to use: the suite's own, or a scratch one. */
interface Target {
  /** Environment pointing `node ace` at this database. */
  env: Record<string, string>
  /** Lucid connection config, to count its rows from here. */
  connection: Record<string, unknown>
  drop: () => Promise<void>
}

function childEnv(database: Record<string, string>, dataDir: string) {
  return {
    ...sqliteEnv('', 'development'),
    // The suite's key: the rows it chained must verify in the children.
    AUDIT_KEY: config.get<{ release(): string }>('audit.key').release(),
    DATA_DIR: dataDir,
    AUDIT_ANCHOR_PATH: join(dataDir, 'anchors.jsonl'),
    ...database,
  }
}

/** The database the suite runs on, as a target. */
function suiteDatabase(dataDir: string): Target {
  const primary = config.get<Record<string, any>>(
    `database.connections.${db.primaryConnectionName}`
  )
  const database: Record<string, string> = onPg()
    ? { DB_CONNECTION: 'pg', ...pgEnv(), DB_DATABASE: env.get('DB_DATABASE', 'jangteo_test') }
    : { SQLITE_PATH: primary.connection.filename }
  return { env: childEnv(database, dataDir), connection: primary, drop: async () => {} }
}

function pgEnv() {
  const server = pgServer()
  return {
    DB_HOST: server.host,
    DB_PORT: String(server.port),
    DB_USER: server.user,
    DB_PASSWORD: server.password ?? '',
  }
}

/** A new, empty database: an SQLite file under tmp/, or a PostgreSQL database jangteo_backups_*. */
async function scratchDatabase(dataDir: string): Promise<Target> {
  const primary = config.get<Record<string, any>>(
    `database.connections.${db.primaryConnectionName}`
  )
  const suffix = randomBytes(4).toString('hex')
  const anchors = { AUDIT_ANCHOR_PATH: join(dataDir, `anchors-${suffix}.jsonl`) }
  if (!onPg()) {
    const file = app.makePath(`tmp/backups-${suffix}.sqlite3`)
    return {
      env: childEnv({ SQLITE_PATH: file, ...anchors }, dataDir),
      connection: { ...primary, connection: { filename: file } },
      drop: () =>
        Promise.all(['', '-wal', '-shm'].map((end) => rm(file + end, { force: true }))).then(),
    }
  }
  const name = `jangteo_backups_${suffix}`
  const admin = new pg.Client({ ...pgServer(), database: 'postgres' })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return {
    env: childEnv({ DB_CONNECTION: 'pg', ...pgEnv(), DB_DATABASE: name, ...anchors }, dataDir),
    connection: { ...primary, connection: { ...primary.connection, database: name } },
    drop: async () => {
      const client = new pg.Client({ ...pgServer(), database: 'postgres' })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

/**
 * Rows per table of a target, read through a connection opened for the
 * purpose and closed after: an SQLite file must not stay open here while a
 * child process restores over it.
 */
async function rowCounts(target: Target) {
  const name = `backups_${randomBytes(4).toString('hex')}`
  db.manager.add(name, target.connection as any)
  try {
    const connection = db.connection(name)
    const tables = await connection.getAllTables(['public'])
    const counts: Record<string, number> = {}
    for (const table of tables.sort()) {
      const [row] = await connection.from(table).count('* as total')
      counts[table] = Number(row.total)
    }
    return counts
  } finally {
    await db.manager.release(name)
  }
}

function ace(target: Target, ...args: string[]) {
  return runNode(['ace', ...args], target.env, 120_000)
}

/*
 * The round trip on the suite's own database (SQLite or PostgreSQL, as the
 * suite runs): orders and their audit rows are committed for real, backed up
 * by a child process while this one keeps the database open, then restored
 * into a scratch database by other children.
 */
test.group('Backups | backup, wipe, restore', (group) => {
  let dataDir: string
  let source: Target
  let backup: string
  let counts: Record<string, number>

  group.setup(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jangteo-backups-'))
    const truncate = await testUtils.db().truncate()
    await truncate()
    const { variant } = await createListing({ stock: 20 })
    QueueManager.fake()
    await placeOrder([{ variant, quantity: 2 }])
    await placePaidOrder([{ variant, quantity: 1 }])
    QueueManager.restore()

    source = suiteDatabase(dataDir)
    counts = await rowCounts(source)
    const made = await ace(source, 'db:backup', `--to=${join(dataDir, 'drill')}`)
    if (made.code !== 0) throw new Error(made.output)
    const [name] = await readdir(join(dataDir, 'drill'))
    backup = join(dataDir, 'drill', name)

    return async () => {
      await truncate()
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  test('the backup is named by time, holds the orders and audit rows, and is audited', async ({
    assert,
  }) => {
    assert.match(backup, onPg() ? /jangteo-[\d-]+T[\d-]+\.\d{3}Z\.dump$/ : /\.sqlite3$/)
    assert.isAbove(counts.orders, 1)
    assert.isAbove(counts.audit_events, 5)
    const row = await db.from('audit_events').orderBy('id', 'desc').first()
    assert.equal(row.action, 'database.backed_up')
    assert.equal(row.actor_role, 'system')
    assert.equal(row.subject_id, backup.split('/').pop())
  })

  test('restored over a wiped database, every table has its rows back and the chain verifies', async ({
    assert,
    cleanup,
  }) => {
    const target = await scratchDatabase(dataDir)
    cleanup(() => target.drop())
    const migrated = await ace(target, 'migration:run', '--force', '--no-schema-generate')
    assert.equal(migrated.code, 0, migrated.output)
    const wiped = await ace(target, 'db:wipe', '--force')
    assert.equal(wiped.code, 0, wiped.output)

    // Anchors as the hourly job leaves them: one of a row the backup holds,
    // and one taken after the backup, of a history the restore replaces.
    const kept = await db.from('audit_events').where('id', 2).firstOrFail()
    const anchored = (eventId: number, hash: string) =>
      JSON.stringify({ eventId, hash, anchoredAt: new Date().toISOString() })
    await writeFile(
      target.env.AUDIT_ANCHOR_PATH,
      `${anchored(2, kept.hash)}\n${anchored(counts.audit_events + 3, 'f'.repeat(64))}\n`
    )

    const restored = await ace(target, 'db:restore', backup)
    assert.equal(restored.code, 0, restored.output)
    assert.include(restored.output, `${counts.audit_events} audit events verified`)

    const after = await rowCounts(target)
    // One more audit event: the restore, recorded on top of the restored log.
    assert.deepEqual(after, { ...counts, audit_events: counts.audit_events + 1 })
    const verified = await ace(target, 'audit:verify')
    assert.equal(verified.code, 0, verified.output)
    assert.include(
      verified.output,
      `Audit log intact: ${counts.audit_events + 1} events verified against 2 anchors`
    )
    assert.include(verified.output, `Restored from ${backup.split('/').pop()}`)
  }).timeout(180_000)

  test('refuses to restore over a database that holds data without --force, changing nothing', async ({
    assert,
    cleanup,
  }) => {
    const target = await scratchDatabase(dataDir)
    cleanup(() => target.drop())
    const first = await ace(target, 'db:restore', backup)
    assert.equal(first.code, 0, first.output)
    const before = await rowCounts(target)

    const refused = await ace(target, 'db:restore', backup)
    assert.equal(refused.code, 1, refused.output)
    assert.include(refused.output, 'The database is not empty')
    assert.include(refused.output, 'nothing was restored')
    assert.include(refused.output, '--force')
    assert.deepEqual(await rowCounts(target), before)

    const forced = await ace(target, 'db:restore', '--force', backup)
    assert.equal(forced.code, 0, forced.output)
    const after = await rowCounts(target)
    assert.deepEqual(after, { ...counts, audit_events: counts.audit_events + 1 })
  }).timeout(180_000)

  test('refuses a missing file, and a file that is not a backup of this kind of database', async ({
    assert,
  }) => {
    const missing = await ace(source, 'db:restore', join(dataDir, 'nope.sqlite3'))
    assert.equal(missing.code, 1)
    assert.include(missing.output, 'No backup file at')

    const other = join(dataDir, onPg() ? backupName('sqlite') : backupName('pg'))
    await writeFile(other, 'not a backup')
    const wrongKind = await ace(source, 'db:restore', '--force', other)
    assert.equal(wrongKind.code, 1)
    assert.include(wrongKind.output, 'is not a backup of this')

    const forged = join(dataDir, onPg() ? backupName('pg') : backupName('sqlite'))
    await writeFile(forged, 'not a backup either')
    const notOurs = await ace(source, 'db:restore', '--force', forged)
    assert.equal(notOurs.code, 1)
    assert.match(notOurs.output, /is not an SQLite backup|is not a PostgreSQL backup/)
    assert.deepEqual(await rowCounts(source), {
      ...counts,
      audit_events: counts.audit_events + 1,
    })
  }).timeout(120_000)

  test('a restore under another AUDIT_KEY says the restored log does not verify, and records nothing', async ({
    assert,
    cleanup,
  }) => {
    const target = await scratchDatabase(dataDir)
    cleanup(() => target.drop())
    target.env.AUDIT_KEY = 'another-audit-key-than-the-backup-was-written-with'

    const restored = await ace(target, 'db:restore', backup)
    assert.equal(restored.code, 1, restored.output)
    assert.include(restored.output, 'but its audit log does not verify')
    assert.include(restored.output, 'Is AUDIT_KEY the key the backup was written with?')
    assert.deepEqual(await rowCounts(target), counts)
  }).timeout(120_000)

  test('a backup holds neither APP_KEY nor AUDIT_KEY', async ({ assert }) => {
    const bytes = await readFile(backup)
    assert.isFalse(bytes.includes(source.env.AUDIT_KEY), 'AUDIT_KEY in the backup')
    assert.isFalse(bytes.includes(source.env.APP_KEY), 'APP_KEY in the backup')
    assert.isFalse(bytes.includes(env.get('APP_KEY').release()), 'APP_KEY in the backup')
  })
})

test.group('Backups | retention and schedule', (group) => {
  let directory: string

  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(async () => {
    directory = await mkdtemp(join(tmpdir(), 'jangteo-backups-'))
    const previous = config.get<Record<string, unknown>>('backups')
    config.set('backups', { ...previous, directory })
    return async () => {
      config.set('backups', previous)
      await rm(directory, { recursive: true, force: true })
      for (const id of Object.keys(SCHEDULES)) {
        const schedule = await Schedule.find(id)
        await schedule?.delete()
      }
    }
  })

  test('keeps the BACKUP_KEEP newest backups and deletes the older ones', async ({ assert }) => {
    config.set('backups.keep', 2)
    const kind = onPg() ? 'pg' : 'sqlite'
    const old = [1, 2, 3].map((day) => backupName(kind, new Date(Date.UTC(2026, 0, day))))
    for (const name of old) await writeFile(join(directory, name), 'an older backup')
    await writeFile(join(directory, 'notes.txt'), 'not a backup: never deleted')

    const outcome = await backupDatabase()

    assert.deepEqual(outcome.pruned, old.slice(0, 2))
    assert.sameMembers(await readdir(directory), [
      old[2],
      outcome.file.split('/').pop()!,
      'notes.txt',
    ])
  })

  test('the queue worker runs a backup once its schedule is due', async ({ assert }) => {
    const outcome = await registerSchedules()
    assert.equal(outcome['database:backup'], 'created')
    const schedule = await Schedule.find('database:backup')
    assert.equal(schedule!.name, 'BackUpDatabase')
    assert.equal(schedule!.everyMs, 86_400_000)

    await QueueManager.use().updateSchedule('database:backup', {
      nextRunAt: new Date(Date.now() - 1000),
    })
    const backedUp = async () => {
      const names = await readdir(directory)
      return names.some((name) => name.startsWith('jangteo-'))
    }
    await workUntil(backedUp, {
      queues: ['default'],
      timeoutMs: 30_000,
    })

    const [name] = await readdir(directory)
    assert.match(name, onPg() ? /\.dump$/ : /\.sqlite3$/)
    const row = await db.from('audit_events').where('action', 'database.backed_up').first()
    assert.equal(row.subject_id, name)
  }).timeout(60_000)

  test('BACKUP_EVERY=off removes the schedule', async ({ assert }) => {
    await registerSchedules()
    config.set('backups.every', 'off')
    const outcome = await registerSchedules()
    assert.equal(outcome['database:backup'], 'off')
    assert.isNull(await Schedule.find('database:backup'))
  })
})
