/*
 * `npm start`: prepares and runs the store in one process.
 *
 * 1. Creates .env from .env.example with a fresh APP_KEY on first run.
 * 2. Runs database migrations (the embedded SQLite file by default).
 * 3. Seeds the demo store when the database is empty (development only).
 * 4. Starts the web server; with QUEUE_WORKER=embedded a queue worker runs
 *    inside the same process.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)
// .env lives where AdonisJS looks for it: the project, or the folder ENV_PATH names.
const envFile = join(resolve(fileURLToPath(root), process.env.ENV_PATH ?? ''), '.env')

if (!existsSync(envFile)) {
  const example = readFileSync(new URL('.env.example', root), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envFile, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
  console.log('Created .env with a new APP_KEY')
}
mkdirSync(new URL('tmp/', root), { recursive: true })

function ace(...args) {
  const result = spawnSync(process.execPath, ['ace', ...args], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

ace('migration:run', '--force', '--compact-output')
ace('db:seed', '--files=database/seeders/demo_seeder.ts')

await import('@poppinss/ts-exec')
await import('./server.js')

if (process.env.NODE_ENV !== 'production' && process.exitCode === undefined) {
  const url = process.env.APP_URL || `http://localhost:${process.env.PORT ?? 3333}`
  console.log(`
  Jangteo is running at ${url}

  Demo logins (password: jangteo-demo)
    admin     admin@example.com
    seller    seller@example.com
    customer  customer@example.com
`)
}
