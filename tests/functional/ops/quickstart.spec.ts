import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import { serverUrl } from '#tests/helpers/browser'

/** A port nothing listens on right now. */
function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Runs `npm start` (bin/start.js) with its .env in a folder of the test's
 * own and a throwaway database, until it prints its banner; returns what it
 * printed. The process is stopped afterwards.
 */
async function startUntilBanner(env: Record<string, string>, cleanup: (fn: () => any) => void) {
  const child = spawn(process.execPath, ['bin/start.js'], {
    cwd: app.appRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
  })
  cleanup(() => child.kill('SIGTERM'))
  let output = ''
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in time:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk
      if (/Demo logins/.test(output)) {
        clearTimeout(timer)
        resolve(output)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)))
  })
}

test.group('Quickstart | npm start', () => {
  test('announces the address it listens on, not a stale APP_URL default', async ({
    assert,
    cleanup,
  }) => {
    const folder = await mkdtemp(join(tmpdir(), 'jangteo-start-'))
    cleanup(() => rm(folder, { recursive: true, force: true }))
    const port = await freePort()

    const output = await startUntilBanner(
      {
        ENV_PATH: folder,
        PORT: String(port),
        SQLITE_PATH: join(folder, 'shop.sqlite3'),
        MEDIA_STORAGE_PATH: join(folder, 'storage'),
        AUDIT_ANCHOR_PATH: join(folder, 'anchors.jsonl'),
        QUEUE_WORKER: 'off',
        LOG_LEVEL: 'warn',
      },
      cleanup
    )

    assert.include(output, `Jangteo is running at http://localhost:${port}`)
    assert.notInclude(output, 'localhost:3333')
    const env = await readFile(join(folder, '.env'), 'utf8')
    assert.match(env, /^APP_KEY=.{40,}$/m)
    assert.match(env, /^AUDIT_KEY=.{40,}$/m)
    assert.notMatch(env, /^APP_URL=/m)
    const live = await fetch(`http://127.0.0.1:${port}/health/live`)
    assert.equal(live.status, 200)
  }).timeout(180_000)

  test('links that leave the site follow HOST and PORT when APP_URL is not set', ({ assert }) => {
    assert.equal(config.get('app.appUrl'), serverUrl())
  })
})
