import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import hash from '@adonisjs/core/services/hash'
import { freePort, runNode, startNode } from '#tests/helpers/processes'
import { scratchDatabase } from '#tests/helpers/scratch_database'

/** A migrated scratch database and a way to run `node ace …` against it. */
async function migratedStore(cleanup: (fn: () => Promise<void>) => void) {
  const { env, client } = await scratchDatabase(cleanup)
  const migrated = await runNode(['ace', 'migration:run', '--force', '--no-schema-generate'], env)
  if (migrated.code !== 0) throw new Error(migrated.output)
  const ace = (args: string[], input = '') => runNode(['ace', ...args], env, 60_000, { input })
  const count = async (table: string) => {
    const row = await client.from(table).count('* as total').first()
    return Number(row.total)
  }
  return { env, client, ace, count }
}

/**
 * Runs `node ace <args>` in a terminal (a pseudo-terminal from util-linux's
 * `script`), typing each answer once the prompt before it shows.
 */
function inTerminal(args: string[], env: Record<string, string>, answers: [string, string][]) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const command = [process.execPath, 'ace', ...args].map((part) => `'${part}'`).join(' ')
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: app.appRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'dumb', ...env },
    })
    let output = ''
    let answeredUpTo = 0
    const pending = [...answers]
    child.stdout.on('data', (chunk) => {
      output += chunk
      const [prompt, answer] = pending[0] ?? []
      if (prompt && output.indexOf(prompt, answeredUpTo) !== -1) {
        pending.shift()
        answeredUpTo = output.length
        child.stdin.write(`${answer}\r`)
      }
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

test.group('Ops | node ace admin:create', () => {
  test('creates an admin from a piped password, audited as the system', async ({
    assert,
    cleanup,
  }) => {
    const { client, ace } = await migratedStore(cleanup)

    const result = await ace(
      ['admin:create', '--email=Owner@Shop.example', '--name=홍길동'],
      'a-good-password\n'
    )
    assert.equal(result.code, 0, result.output)
    assert.include(result.output, 'Created admin owner@shop.example')

    const admin = await client.from('users').where('email', 'owner@shop.example').firstOrFail()
    assert.equal(admin.role, 'admin')
    assert.equal(admin.full_name, '홍길동')
    assert.notInclude(admin.password, 'a-good-password')
    assert.isTrue(await hash.verify(admin.password, 'a-good-password'))

    const audit = await client.from('audit_events').where('action', 'staff.admin_created').first()
    assert.equal(audit.actor_role, 'system')
    assert.isNull(audit.actor_id)
    assert.equal(String(audit.subject_id), String(admin.id))

    const verified = await ace(['audit:verify'])
    assert.equal(verified.code, 0, verified.output)
  }).timeout(120_000)

  test('refuses a taken email, a bad email and a weak password, writing nothing', async ({
    assert,
    cleanup,
  }) => {
    const { ace, count } = await migratedStore(cleanup)
    const first = await ace(
      ['admin:create', '--email=owner@shop.example', '--name=A'],
      'password-1\n'
    )
    assert.equal(first.code, 0, first.output)

    const refusals: [string[], string, RegExp][] = [
      [['--email=OWNER@shop.example', '--name=B'], 'password-2\n', /email: .*already been taken/],
      [['--email=not-an-email', '--name=B'], 'password-2\n', /email: .*valid email/],
      [['--email=second@shop.example', '--name=B'], 'short\n', /password: .*at least 8/],
      [['--email=second@shop.example', '--name=B'], '', /password: .*at least 8/],
      [['--email=second@shop.example', '--name=  '], 'password-2\n', /name: .*at least 1/],
    ]
    for (const [flags, input, message] of refusals) {
      const result = await ace(['admin:create', ...flags], input)
      assert.equal(result.code, 1, result.output)
      assert.match(result.output, message)
      assert.include(result.output, 'Nothing was created')
    }
    assert.equal(await count('users'), 1)
    assert.equal(await count('audit_events'), 1)
  }).timeout(180_000)

  test('in a terminal it asks twice with a hidden prompt', async ({ assert, cleanup }) => {
    const { env, client, count } = await migratedStore(cleanup)
    const args = ['admin:create', '--email=owner@shop.example', '--name=A']

    const mistyped = await inTerminal(args, env, [
      ['Password', 'secret-pass-1'],
      ['Password (again)', 'secret-pass-2'],
    ])
    assert.equal(mistyped.code, 1, mistyped.output)
    assert.include(mistyped.output, 'The two passwords differ; nothing was created')
    assert.equal(await count('users'), 0)

    const typed = await inTerminal(args, env, [
      ['Password', 'secret-pass-1'],
      ['Password (again)', 'secret-pass-1'],
    ])
    assert.equal(typed.code, 0, typed.output)
    assert.notInclude(typed.output, 'secret-pass-1', 'the password is not echoed')
    assert.include(typed.output, '*************')
    const admin = await client.from('users').firstOrFail()
    assert.isTrue(await hash.verify(admin.password, 'secret-pass-1'))
  })
    .skip(!existsSync('/usr/bin/script'), 'needs util-linux script for a terminal')
    .timeout(120_000)

  test('never takes the password from the command line', async ({ assert, cleanup }) => {
    const { ace, count } = await migratedStore(cleanup)
    const result = await ace([
      'admin:create',
      '--email=owner@shop.example',
      '--name=A',
      '--password=a-good-password',
    ])
    assert.equal(result.code, 1, result.output)
    assert.include(result.output, 'Unknown flag "--password"')
    assert.equal(await count('users'), 0)
  }).timeout(120_000)
})

test.group('Ops | node ace store:setup', () => {
  const flags = [
    '--name=한빛상회',
    '--currency=usd',
    '--locale=en',
    '--category=의류:Clothing',
    '--category=생활 용품:Home & Living',
    '--admin-email=owner@shop.example',
    '--admin-name=홍길동',
  ]

  test('sets the name, currency, language, categories and first admin in one go, as the system', async ({
    assert,
    cleanup,
  }) => {
    const { client, ace, count } = await migratedStore(cleanup)

    const result = await ace(['store:setup', ...flags], 'a-good-password\n')
    assert.equal(result.code, 0, result.output)

    const settings = await client.from('store_settings').firstOrFail()
    assert.deepInclude(settings, { name: '한빛상회', currency: 'USD', default_locale: 'en' })
    const categories = await client.from('categories').orderBy('position')
    assert.deepEqual(
      categories.map(({ name, name_en: nameEn, slug }) => ({ name, nameEn, slug })),
      [
        { name: '의류', nameEn: 'Clothing', slug: 'clothing' },
        { name: '생활 용품', nameEn: 'Home & Living', slug: 'home-living' },
      ]
    )
    const admin = await client.from('users').firstOrFail()
    assert.deepInclude(admin, { email: 'owner@shop.example', role: 'admin' })
    assert.isTrue(await hash.verify(admin.password, 'a-good-password'))

    const audit = await client.from('audit_events').orderBy('id')
    assert.deepEqual(
      audit.map((row) => [row.action, row.actor_role]),
      [
        ['store.settings_updated', 'system'],
        ['category.created', 'system'],
        ['category.created', 'system'],
        ['staff.admin_created', 'system'],
      ]
    )

    // Run again with only a new name: the admin stays alone, the change is audited.
    const renamed = await ace(['store:setup', '--name=한빛마켓'])
    assert.equal(renamed.code, 0, renamed.output)
    assert.deepInclude(await client.from('store_settings').firstOrFail(), {
      name: '한빛마켓',
      currency: 'USD',
    })
    assert.equal(await count('users'), 1)
    const last = await client.from('audit_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(last.action, 'store.settings_updated')
    assert.include(JSON.stringify(last.changes), '한빛마켓')
  }).timeout(120_000)

  test('the storefront then shows the saved name and language instead of the environment', async ({
    assert,
    cleanup,
  }) => {
    const { env, ace } = await migratedStore(cleanup)
    const result = await ace(['store:setup', ...flags], 'a-good-password\n')
    assert.equal(result.code, 0, result.output)

    const { process: server, match } = await startNode(
      ['--import=@poppinss/ts-exec', 'bin/server.ts'],
      {
        ...env,
        PORT: String(await freePort()),
        STORE_NAME: 'Env Name',
        DEFAULT_LOCALE: 'ko',
        LOG_LEVEL: 'info',
      },
      /started HTTP server on (\S+):(\d+)/
    )
    cleanup(() => server.stop())
    const page = await fetch(`http://${match[1]}:${match[2]}/`)
    const html = await page.text()
    assert.include(html, '<title>한빛상회')
    assert.notInclude(html, 'Env Name')
    assert.include(html, '<html lang="en"')
  }).timeout(180_000)

  test('refuses bad input with a clear message and writes nothing', async ({ assert, cleanup }) => {
    const { ace, count } = await migratedStore(cleanup)
    const without = (name: string) => flags.filter((flag) => !flag.startsWith(`--${name}=`))
    const refusals: [string[], string, RegExp][] = [
      [[...flags.slice(1), '--name=  '], 'a-good-password\n', /name: .*at least 1/],
      [[...without('currency'), '--currency=WON'], 'a-good-password\n', /currency: .*invalid/],
      [[...without('locale'), '--locale=fr'], 'a-good-password\n', /locale: .*invalid/],
      [[...flags, '--category=잡화'], 'a-good-password\n', /nameEn: /],
      [[...flags, '--category=옷:Clothing'], 'a-good-password\n', /slug: .*already used/],
      [flags, 'short\n', /password: .*at least 8/],
      [
        [...without('admin-email'), '--admin-email=nope'],
        'a-good-password\n',
        /email: .*valid email/,
      ],
      [
        without('admin-email'),
        'a-good-password\n',
        /The store has no admin yet: give --admin-email/,
      ],
    ]
    for (const [args, input, message] of refusals) {
      const result = await ace(['store:setup', ...args], input)
      assert.equal(result.code, 1, result.output)
      assert.match(result.output, message)
    }
    for (const table of ['store_settings', 'categories', 'users', 'audit_events']) {
      assert.equal(await count(table), 0, table)
    }
  }).timeout(300_000)
})
