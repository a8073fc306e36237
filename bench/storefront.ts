/*
 * Storefront throughput benchmark: `npm run bench`.
 *
 * Starts the app on a fresh SQLite database seeded with the demo store, and a
 * bare node:http server as the baseline, then drives each endpoint with the
 * same closed-loop load from this process and prints requests per second,
 * latency percentiles and the ratio to the baseline measured in the same run.
 * Not part of `npm test`: numbers depend on the machine.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'

const root = new URL('../', import.meta.url)
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16)
const port = 3390
const database = 'tmp/bench.sqlite3'
const mediaStorage = 'tmp/bench-storage'

const env = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'development',
  PORT: String(port),
  HOST: '127.0.0.1',
  APP_KEY: 'benchmark-only-key-0000000000000000000',
  LOG_LEVEL: 'error',
  SESSION_DRIVER: 'database',
  DB_CONNECTION: 'sqlite',
  SQLITE_PATH: database,
  MEDIA_STORAGE_PATH: mediaStorage,
  // Production requires DATA_DIR; the bench's own data stays under tmp/.
  DATA_DIR: 'tmp/bench-data',
  QUEUE_WORKER: 'off',
  LIMITER_STORE: 'memory',
}

function ace(...args: string[]) {
  const result = spawnSync(process.execPath, ['ace', ...args], { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`node ace ${args.join(' ')} failed`)
}

/** Sends requests back to back from `concurrency` loops for `seconds`. */
async function load(url: string) {
  const latencies: number[] = []
  let errors = 0
  const deadline = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now()
        const response = await fetch(url)
        await response.arrayBuffer()
        if (response.status !== 200) errors++
        latencies.push(performance.now() - started)
      }
    })
  )
  latencies.sort((a, b) => a - b)
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]
  return { rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), errors }
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not come up`)
}

const page = `<!DOCTYPE html><html><body>${'<p>baseline</p>'.repeat(200)}</body></html>`
const bare = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  response.end(page)
})
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
const barePort = (bare.address() as AddressInfo).port

await Promise.all(
  ['', '-wal', '-shm'].map((suffix) => rm(new URL(database + suffix, root), { force: true }))
)
await rm(new URL(mediaStorage, root), { recursive: true, force: true })
ace('migration:run', '--force', '--compact-output', '--no-schema-generate')
ace('db:seed', '--files=database/seeders/demo_seeder.ts', '--compact-output')
// Process the demo photos and video now, so pages carry their real <picture> markup.
ace('media:regenerate')

// Seeded in development (the demo seed's environment), served as in
// production: compiled templates cached, no pretty logging.
const app = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: root,
  env: { ...env, NODE_ENV: 'production' },
  stdio: 'inherit',
})
try {
  const base = `http://127.0.0.1:${port}`
  await waitFor(`${base}/health/live`)
  const listing = await fetch(`${base}/api/v1/products?perPage=1`)
  const { data } = (await listing.json()) as { data: { slug: string }[] }

  const targets: [string, string][] = [
    ['bare node:http (baseline)', `http://127.0.0.1:${barePort}/`],
    ['GET /health/live', `${base}/health/live`],
    ['GET / (home)', `${base}/`],
    [
      'GET /search?q=…&sort=price_asc',
      `${base}/search?q=${encodeURIComponent('스니커즈')}&sort=price_asc`,
    ],
    ['GET /categories/fashion', `${base}/categories/fashion`],
    ['GET /products/:slug', `${base}/products/${encodeURIComponent(data[0].slug)}`],
    ['GET /api/v1/products?perPage=24', `${base}/api/v1/products?perPage=24`],
  ]
  for (const [, url] of targets) await load(url) // warm up caches and the JIT

  console.log(
    `\n${seconds}s per endpoint, ${concurrency} concurrent connections, Node ${process.version}\n`
  )
  console.log(
    'endpoint'.padEnd(36),
    'req/s'.padStart(9),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'vs baseline'.padStart(12),
    'errors'.padStart(7)
  )
  let baseline = 0
  for (const [name, url] of targets) {
    const result = await load(url)
    baseline ||= result.rps
    console.log(
      name.padEnd(36),
      result.rps.toFixed(0).padStart(9),
      result.p50.toFixed(2).padStart(8),
      result.p95.toFixed(2).padStart(8),
      `${(result.rps / baseline).toFixed(3)}x`.padStart(12),
      String(result.errors).padStart(7)
    )
  }
} finally {
  app.kill('SIGTERM')
  bare.close()
}
