import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import { serverUrl } from '#tests/helpers/browser'
import { MailPreviewStore } from '../../../app/mails/mail_preview_store.js'
import { freePort, startNode, type RunningProcess } from '#tests/helpers/processes'

/** Whether something accepts TCP connections at host:port. */
function accepts(host: string, port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host, port })
    socket.setTimeout(2000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

/** This machine's own non-loopback IPv4 address, if it has one. */
function externalAddress() {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address
}

/** A cookie jar for one visitor of the started server. */
class Visitor {
  #cookies = new Map<string, string>()

  constructor(readonly base: string) {}

  async get(path: string) {
    return this.#keep(
      await fetch(this.base + path, { headers: this.#headers(), redirect: 'manual' })
    )
  }

  /** Signs in through the login form, as a browser does (session cookie and CSRF token). */
  async login(email: string) {
    const page = await this.get('/login')
    const csrf = /name='_csrf' value='([^']+)'/.exec(await page.text())?.[1]
    if (!csrf) throw new Error('The login page has no CSRF field')
    const response = this.#keep(
      await fetch(`${this.base}/login`, {
        method: 'POST',
        headers: { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, email, password: 'jangteo-demo' }),
        redirect: 'manual',
      })
    )
    if (response.status !== 302 || response.headers.get('location') === '/login') {
      throw new Error(`Could not sign in as ${email}: ${response.status}`)
    }
  }

  #headers() {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    return { 'cookie': cookie, 'accept-language': 'en' }
  }

  #keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = pair.split('=')
      this.#cookies.set(name.trim(), value.join('='))
    }
    return response
  }
}

test.group('npm start | the demo as a newcomer starts it', (group) => {
  let server: RunningProcess
  let host: string
  let port: number
  let envFile: string
  const previewPath = join(app.tmpPath('mail-previews'), `${MailPreviewStore.newId()}.json`)
  const orderKey = `order-key-${randomBytes(8).toString('hex')}`

  group.setup(async () => {
    // A server outside production rewrites the route types under .adonisjs/,
    // with the development routes; the project's copies are put back after.
    const generated = ['routes.d.ts', 'routes.json'].map((name) => app.generatedServerPath(name))
    const kept = await Promise.all(generated.map((path) => readFile(path).catch(() => null)))

    // A fresh clone: no .env yet (npm start writes one from .env.example into
    // ENV_PATH) and no HOST anywhere; a scratch SQLite file seeded with the demo.
    const envDir = await mkdtemp(join(tmpdir(), 'jangteo-npm-start-'))
    const database = `tmp/npm-start-${randomBytes(4).toString('hex')}.sqlite3`
    const started = await startNode(
      ['bin/start.js'],
      {
        ENV_PATH: envDir,
        NODE_ENV: 'development',
        PORT: String(await freePort()),
        LOG_LEVEL: 'info',
        DB_CONNECTION: 'sqlite',
        SQLITE_PATH: database,
        QUEUE_DRIVER: 'database',
        QUEUE_WORKER: 'off',
        LIMITER_STORE: 'memory',
        MAIL_MAILER: 'preview',
      },
      /started HTTP server on (\S+):(\d+)[\s\S]*Demo logins/,
      240_000
    )
    server = started.process
    host = started.match[1]
    port = Number(started.match[2])
    envFile = await readFile(join(envDir, '.env'), 'utf8')

    // A kept mail, as an order confirmation leaves it: it carries the order's key.
    await mkdir(app.tmpPath('mail-previews'), { recursive: true })
    await writeFile(
      previewPath,
      JSON.stringify({
        id: previewPath.split('/').pop()!.replace('.json', ''),
        date: new Date().toISOString(),
        from: 'no-reply@example.com',
        to: ['guest@example.com'],
        cc: [],
        bcc: [],
        subject: `Your order (${orderKey})`,
        html: `<p>Open your order: /orders/1?key=${orderKey}</p>`,
        text: `Open your order: /orders/1?key=${orderKey}`,
      })
    )

    return async () => {
      await server.stop()
      await Promise.all(
        generated.map((path, index) =>
          kept[index] ? writeFile(path, kept[index]) : rm(path, { force: true })
        )
      )
      await rm(envDir, { recursive: true, force: true })
      await rm(previewPath, { force: true })
      await Promise.all(
        ['', '-wal', '-shm'].map((suffix) => rm(app.makePath(database + suffix), { force: true }))
      )
    }
  })

  test('without HOST it listens on 127.0.0.1 only', async ({ assert }) => {
    assert.equal(host, '127.0.0.1', server.output())
    assert.isTrue(await accepts('127.0.0.1', port))
    const external = externalAddress()
    if (external) assert.isFalse(await accepts(external, port), `reachable at ${external}`)
  })

  test('writes .env with fresh keys and announces the address it really listens on', ({
    assert,
  }) => {
    assert.match(envFile, /^APP_KEY=.{40,}$/m)
    assert.match(envFile, /^AUDIT_KEY=.{40,}$/m)
    assert.notMatch(envFile, /^APP_URL=/m, 'links follow HOST and PORT unless APP_URL is set')
    assert.include(server.output(), `Jangteo is running at http://127.0.0.1:${port}`)
    assert.notInclude(server.output(), ':3333')
  })

  test('links that leave the site follow HOST and PORT when APP_URL is not set', ({ assert }) => {
    assert.equal(config.get('app.appUrl'), serverUrl())
  })

  test('/dev/mails is a 404 for a visitor and a customer, and shows mails to an admin', async ({
    assert,
  }) => {
    const base = `http://127.0.0.1:${port}`
    const id = previewPath.split('/').pop()!.replace('.json', '')
    const pages = ['/dev/mails', `/dev/mails/${id}`, `/dev/mails/${id}/html`]

    const visitor = new Visitor(base)
    const customer = new Visitor(base)
    await customer.login('customer@example.com')
    for (const someone of [visitor, customer]) {
      for (const page of pages) {
        const response = await someone.get(page)
        assert.equal(response.status, 404, page)
        assert.notInclude(await response.text(), orderKey, page)
      }
    }

    const admin = new Visitor(base)
    await admin.login('admin@example.com')
    for (const page of pages) {
      const response = await admin.get(page)
      assert.equal(response.status, 200, page)
      assert.include(await response.text(), orderKey, page)
    }
  })
})
