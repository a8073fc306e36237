import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { runNode, sqliteEnv, startNode } from '#tests/helpers/processes'

/** A valid production environment (no database is touched before the refusal). */
const production = () =>
  sqliteEnv(`tmp/production-defaults-${randomBytes(4).toString('hex')}.sqlite3`, 'production')

/** Starts the HTTP server in production with these variables changed. */
function boot(changes: Record<string, string>) {
  return runNode(['--import=@poppinss/ts-exec', 'bin/server.ts'], { ...production(), ...changes })
}

/** The complete key sets of each provider, in sandbox (test) mode. */
const STRIPE_TEST = {
  STRIPE_SECRET_KEY: 'sk_test_boot',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_boot',
  STRIPE_WEBHOOK_SECRET: 'whsec_boot',
}
const TOSS_TEST = { TOSS_CLIENT_KEY: 'test_ck_boot', TOSS_SECRET_KEY: 'test_sk_boot' }
const PAYPAL_SANDBOX = {
  PAYPAL_CLIENT_ID: 'client',
  PAYPAL_CLIENT_SECRET: 'secret',
  PAYPAL_WEBHOOK_ID: 'WH-1',
  STORE_CURRENCY: 'USD',
}
const KAKAOPAY_TEST = { KAKAOPAY_SECRET_KEY: 'DEV_boot' }
const NAVERPAY_DEVELOPMENT = {
  NAVERPAY_PARTNER_ID: 'partner',
  NAVERPAY_CLIENT_ID: 'client',
  NAVERPAY_CLIENT_SECRET: 'secret',
  NAVERPAY_CHAIN_ID: 'chain',
}

test.group('Ops | production refuses unsafe defaults, naming the variable', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['the test card is enabled', { TEST_CARD_ENABLED: '' }, ['TEST_CARD_ENABLED']],
    [
      'the bank account is the example one',
      { BANK_TRANSFER_ACCOUNT_NUMBER: '000-000-000000' },
      ['BANK_TRANSFER_ACCOUNT_NUMBER'],
    ],
    [
      'the bank account is not set',
      { BANK_TRANSFER_ACCOUNT_NUMBER: '' },
      ['BANK_TRANSFER_ACCOUNT_NUMBER'],
    ],
    ['there is no SMTP host', { SMTP_HOST: '' }, ['SMTP_HOST']],
    ['Stripe has test keys', STRIPE_TEST, ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY']],
    ['Toss has test keys', TOSS_TEST, ['TOSS_CLIENT_KEY', 'TOSS_SECRET_KEY']],
    ['PayPal is in sandbox', PAYPAL_SANDBOX, ['PAYPAL_ENVIRONMENT']],
    ['KakaoPay has the test CID', KAKAOPAY_TEST, ['KAKAOPAY_CID']],
    ['NaverPay is in development mode', NAVERPAY_DEVELOPMENT, ['NAVERPAY_MODE']],
  ]

  for (const [situation, changes, named] of cases) {
    test(`when ${situation}`, async ({ assert }) => {
      const result = await boot(changes)
      assert.equal(result.code, 1, result.output)
      assert.include(result.output, 'Refusing to start in production with unsafe settings')
      for (const key of named) assert.match(result.output, new RegExp(`- ${key} `), key)
      assert.notInclude(result.output, 'started HTTP server')
    }).timeout(60_000)
  }

  test('every unsafe default at once, each on its own line', async ({ assert }) => {
    const result = await boot({
      TEST_CARD_ENABLED: '',
      BANK_TRANSFER_ACCOUNT_NUMBER: '',
      SMTP_HOST: '',
    })
    assert.equal(result.code, 1, result.output)
    for (const key of ['TEST_CARD_ENABLED', 'BANK_TRANSFER_ACCOUNT_NUMBER', 'SMTP_HOST']) {
      assert.match(result.output, new RegExp(`^ +- ${key} `, 'm'), key)
    }
  }).timeout(60_000)

  test('a live Stripe secret key with a test publishable key, even with PAYMENTS_SANDBOX=true', async ({
    assert,
  }) => {
    for (const keys of [
      { STRIPE_SECRET_KEY: 'sk_live_boot', STRIPE_PUBLISHABLE_KEY: 'pk_test_boot' },
      { STRIPE_SECRET_KEY: 'sk_test_boot', STRIPE_PUBLISHABLE_KEY: 'pk_live_boot' },
    ]) {
      const result = await boot({ ...STRIPE_TEST, ...keys, PAYMENTS_SANDBOX: 'true' })
      assert.equal(result.code, 1, result.output)
      assert.match(
        result.output,
        /- STRIPE_SECRET_KEY is a (live|test) key but STRIPE_PUBLISHABLE_KEY is a (test|live) key/
      )
    }
  }).timeout(60_000)

  test('a queue worker refuses the same settings', async ({ assert }) => {
    const result = await runNode(['ace', 'queue:work'], {
      ...production(),
      TEST_CARD_ENABLED: 'true',
    })
    assert.equal(result.code, 1, result.output)
    assert.include(result.output, 'Refusing to start in production with unsafe settings')
    assert.match(result.output, /- TEST_CARD_ENABLED /)
  }).timeout(60_000)
})

test.group('Ops | a safe production setup starts', () => {
  test('with sandbox providers when PAYMENTS_SANDBOX=true', async ({ assert }) => {
    const { process: server } = await startNode(
      ['--import=@poppinss/ts-exec', 'bin/server.ts'],
      {
        ...production(),
        ...STRIPE_TEST,
        ...TOSS_TEST,
        ...KAKAOPAY_TEST,
        ...PAYPAL_SANDBOX,
        ...NAVERPAY_DEVELOPMENT,
        PAYMENTS_SANDBOX: 'true',
        LOG_LEVEL: 'info',
      },
      /started HTTP server on/
    )
    await server.stop()
    assert.notInclude(server.output(), 'Refusing')
  }).timeout(120_000)

  test('without a .env, PORT, HOST, LOG_LEVEL and SESSION_DRIVER take the documented defaults', async ({
    assert,
    cleanup,
  }) => {
    const envDir = await mkdtemp(join(tmpdir(), 'jangteo-no-env-'))
    cleanup(() => rm(envDir, { recursive: true, force: true }))
    const { PORT, HOST, LOG_LEVEL, SESSION_DRIVER, ...rest } = production()
    assert.isDefined(PORT && HOST && LOG_LEVEL && SESSION_DRIVER)
    const env = { ...rest, ENV_PATH: envDir }

    const migrated = await runNode(['ace', 'migration:run', '--force', '--no-schema-generate'], env)
    assert.equal(migrated.code, 0, migrated.output)
    cleanup(async () => {
      await Promise.all(
        ['', '-wal', '-shm'].map((suffix) =>
          rm(app.makePath(env.SQLITE_PATH + suffix), { force: true })
        )
      )
    })

    // Port 3333 may be taken on a busy machine: the refusal then still names the default port.
    const started = await startNode(
      ['--import=@poppinss/ts-exec', 'bin/server.ts'],
      env,
      /started HTTP server on (\S+):(\d+)|EADDRINUSE\S* (\S+):(\d+)/
    ).catch((error: Error) => ({ failed: error.message }))
    if ('failed' in started) {
      assert.match(started.failed, /EADDRINUSE.*127\.0\.0\.1:3333/)
      return
    }
    const { process: server, match } = started
    cleanup(() => server.stop())
    assert.equal(match[1], '127.0.0.1', 'HOST')
    assert.equal(match[2], '3333', 'PORT')
    // The "started" line is an info line: LOG_LEVEL is info, not warn.
    const login = await fetch('http://127.0.0.1:3333/login')
    assert.equal(login.status, 200)
    const { default: Database } = await import('better-sqlite3')
    const database = new Database(app.makePath(env.SQLITE_PATH), { readonly: true })
    const sessions = database.prepare('select count(*) as count from sessions').get() as {
      count: number
    }
    database.close()
    assert.equal(sessions.count, 1, 'SESSION_DRIVER is database')
  }).timeout(180_000)
})
