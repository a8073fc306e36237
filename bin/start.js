/*
 * `npm start`: prepares and runs the store in one process, from the source
 * tree (the demo) or from the production build (build/, after `node ace build`
 * and `npm ci --omit=dev` there).
 *
 * 1. Source tree only: creates .env from .env.example with a fresh APP_KEY
 *    and AUDIT_KEY on first run (and adds an AUDIT_KEY to an older .env
 *    without one). A build takes its settings from the environment.
 * 2. Runs database migrations (the embedded SQLite file by default).
 * 3. Source tree only: seeds the demo store when the database is empty
 *    (development only). A build never seeds.
 * 4. Starts the web server; with QUEUE_WORKER=embedded a queue worker runs
 *    inside the same process.
 */
import './node_version.js'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)
// In build/ the server is compiled JavaScript; the source tree has bin/server.ts.
const built = existsSync(new URL('server.js', import.meta.url))
// ENV_PATH moves .env to another folder, as AdonisJS itself reads it.
const envFile = join(resolve(fileURLToPath(root), process.env.ENV_PATH ?? ''), '.env')

const newKey = () => randomBytes(32).toString('base64url')

/** The demo's .env: written on first run, brought up to date after upgrades. */
function prepareEnvFile() {
  if (!existsSync(envFile)) {
    const example = readFileSync(new URL('.env.example', root), 'utf8')
    writeFileSync(
      envFile,
      example
        .replace(/^APP_KEY=.*$/m, `APP_KEY=${newKey()}`)
        .replace(/^AUDIT_KEY=.*$/m, `AUDIT_KEY=${newKey()}`)
    )
    console.log('Created .env with a new APP_KEY and AUDIT_KEY')
  } else if (!/^AUDIT_KEY=.+$/m.test(readFileSync(envFile, 'utf8')) && !process.env.AUDIT_KEY) {
    // A .env from before the audit chain was keyed.
    const current = readFileSync(envFile, 'utf8').replace(/^AUDIT_KEY=.*\n?/m, '')
    writeFileSync(envFile, `${current.replace(/\n?$/, '\n')}AUDIT_KEY=${newKey()}\n`)
    console.log('Added a new AUDIT_KEY to .env')
  }
  if (/^SESSION_DRIVER=cookie\s*$/m.test(readFileSync(envFile, 'utf8'))) {
    // A .env from before sessions moved to the server, where signing out can end them.
    const current = readFileSync(envFile, 'utf8')
    writeFileSync(
      envFile,
      current.replace(/^SESSION_DRIVER=cookie\s*$/m, 'SESSION_DRIVER=database')
    )
    console.log('Changed SESSION_DRIVER from cookie to database in .env')
  }
}

// A build takes its settings from the environment (or a .env the operator wrote).
if (!built) prepareEnvFile()
mkdirSync(new URL('tmp/', root), { recursive: true })

function ace(...args) {
  const result = spawnSync(process.execPath, ['ace', ...args], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

ace('migration:run', '--force', '--compact-output')
if (!built) {
  ace('db:seed', '--files=database/seeders/demo_seeder.ts')
  await import('@poppinss/ts-exec')
}
const { listening } = await import('./server.js')

if (process.env.NODE_ENV !== 'production' && process.exitCode === undefined) {
  const { host, port } = await listening
  const local = `http://${['0.0.0.0', '::'].includes(host) ? 'localhost' : host}:${port}`
  const configured = process.env.APP_URL
  const where =
    configured && configured.replace(/\/$/, '') !== local
      ? `${configured} (listening on ${local})`
      : local
  console.log(`
  Jangteo is running at ${where}

  Demo logins (password: jangteo-demo)
    admin     admin@example.com
    seller    seller@example.com
    customer  customer@example.com
`)
}
