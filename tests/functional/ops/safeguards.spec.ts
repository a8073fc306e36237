import { test } from '@japa/runner'
import { rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import { EXAMPLE_APP_KEY } from '#start/env'
import { runNode, sqliteEnv } from '#tests/helpers/processes'

/** A throwaway SQLite file under tmp/, removed after the test. */
function scratchDatabase(cleanup: (fn: () => Promise<void>) => void) {
  const file = `tmp/safeguard-${randomBytes(4).toString('hex')}.sqlite3`
  cleanup(async () => {
    await Promise.all(
      ['', '-wal', '-shm'].map((suffix) => rm(app.makePath(file + suffix), { force: true }))
    )
  })
  return file
}

test.group('Safeguards | destructive commands and production keys', () => {
  test('destructive database commands refuse to run without --force', async ({
    assert,
    cleanup,
  }) => {
    const env = sqliteEnv(scratchDatabase(cleanup), 'development')
    const migrated = await runNode(['ace', 'migration:run', '--no-schema-generate'], env)
    assert.equal(migrated.code, 0, migrated.output)

    for (const command of ['migration:rollback', 'migration:reset', 'migration:fresh', 'db:wipe']) {
      const refused = await runNode(['ace', command], env)
      assert.notEqual(refused.code, 0, `${command} should have been refused`)
      assert.include(refused.output, `Refusing to run "${command}" without --force`)
    }

    const status = await runNode(['ace', 'migration:status'], env)
    assert.notInclude(status.output, 'pending', 'no migration was rolled back')

    const forced = await runNode(['ace', 'migration:rollback', '--force', '--batch=0'], env)
    assert.equal(forced.code, 0, forced.output)
  }).timeout(120_000)

  test('production refuses to start with the example APP_KEY', async ({ assert, cleanup }) => {
    const env = { ...sqliteEnv(scratchDatabase(cleanup), 'production'), APP_KEY: EXAMPLE_APP_KEY }
    const result = await runNode(['--import=@poppinss/ts-exec', 'bin/server.ts'], env)
    assert.notEqual(result.code, 0)
    assert.include(
      result.output,
      'Refusing to start in production with the example or a short "APP_KEY"'
    )
  }).timeout(60_000)

  test('production refuses to start without an APP_KEY', async ({ assert, cleanup }) => {
    const env = { ...sqliteEnv(scratchDatabase(cleanup), 'production'), APP_KEY: '' }
    const result = await runNode(['--import=@poppinss/ts-exec', 'bin/server.ts'], env)
    assert.notEqual(result.code, 0)
    assert.include(result.output, 'Missing environment variable "APP_KEY"')
  }).timeout(60_000)

  test('production refuses to start without an AUDIT_KEY, with a short one, or with APP_KEY reused', async ({
    assert,
    cleanup,
  }) => {
    const base = sqliteEnv(scratchDatabase(cleanup), 'production')
    const cases = [
      { AUDIT_KEY: '', expected: 'Missing environment variable "AUDIT_KEY"' },
      {
        AUDIT_KEY: 'short-audit-key',
        expected: 'Refusing to start in production with the example or a short "AUDIT_KEY"',
      },
      { AUDIT_KEY: base.APP_KEY, expected: '"AUDIT_KEY" equal to APP_KEY' },
    ]
    for (const { AUDIT_KEY, expected } of cases) {
      const result = await runNode(['--import=@poppinss/ts-exec', 'bin/server.ts'], {
        ...base,
        AUDIT_KEY,
      })
      assert.notEqual(result.code, 0)
      assert.include(result.output, expected)
    }
  }).timeout(120_000)
})
