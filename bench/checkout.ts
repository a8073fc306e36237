/*
 * Checkout throughput benchmark: `npm run bench:checkout` (SQLite), or
 * `DB_CONNECTION=pg npm run bench:checkout` (PostgreSQL at DB_HOST/DB_PORT/
 * DB_USER, database BENCH_DATABASE or jangteo_bench_checkout, dropped and
 * created by this script; the name must contain "bench").
 *
 * Migrates a fresh database, seeds sellers and published products with ample
 * stock, and starts the app as bench/storefront.ts does (bin/server.ts,
 * NODE_ENV=production). Then, with the same carts and concurrency on each side:
 *   - HTTP: per checkout a cart is created and filled over the Store API
 *     (1–3 lines from two sellers, not timed), then POST /api/v1/checkout
 *     (bank transfer, a Seoul address) is timed from BENCH_CONCURRENCY closed loops;
 *   - bare: the same database work alone in this process over the same
 *     connection settings (config/database.ts): one transaction with the
 *     conditional stock UPDATE per line and the order, seller order and item rows.
 * Each side is warmed up, then measured BENCH_ROUNDS times in ABBA order; the
 * table pools the rounds. "ratio" is HTTP ÷ bare throughput. At the end it
 * checks that no stock went below zero, that the units in order items equal
 * the stock consumed, and that every successful checkout left one order.
 * Not part of `npm test`: numbers depend on the machine and its load.
 */
import 'reflect-metadata'
import { spawn, spawnSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import pg from 'pg'
import { Ignitor } from '@adonisjs/core'
import {
  type Listing,
  type Plan,
  type Sample,
  StoreClient,
  bareCheckout,
  inParallel,
  makePlans,
  measure,
} from './checkout_workload.js'
import { cartMix, checkLedger, printTable } from './checkout_report.js'

const checkouts = Number(process.env.BENCH_CHECKOUTS ?? 400)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16)
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)
const warmup = Number(process.env.BENCH_WARMUP ?? 32)
const sellerCount = 8
const productsPerSeller = 4
const stock = 100_000
const port = 3391
const dialect = process.env.DB_CONNECTION === 'pg' ? 'pg' : 'sqlite'
const sqlitePath = 'tmp/bench-checkout.sqlite3'
const pgDatabase = process.env.BENCH_DATABASE ?? 'jangteo_bench_checkout'
const pgServer = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? 'postgres',
  password: process.env.DB_PASSWORD,
}
const loadAtStart = loadavg()[0]

const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  PORT: String(port),
  HOST: '127.0.0.1',
  APP_KEY: 'benchmark-only-key-0000000000000000000',
  LOG_LEVEL: 'error',
  SESSION_DRIVER: 'database',
  LIMITER_STORE: 'memory',
  // start/limiter.ts caps checkouts per IP; every bench checkout comes from 127.0.0.1.
  CHECKOUT_RATE_LIMIT: '1000000',
  QUEUE_DRIVER: 'database',
  QUEUE_WORKER: 'off',
  MAIL_MAILER: 'preview',
  MEDIA_STORAGE_PATH: 'tmp/bench-checkout-storage',
  // Production requires DATA_DIR; the bench's own data stays under tmp/.
  DATA_DIR: 'tmp/bench-data',
  DB_CONNECTION: dialect,
  ...(dialect === 'pg'
    ? {
        DB_HOST: pgServer.host,
        DB_PORT: String(pgServer.port),
        DB_USER: pgServer.user,
        DB_DATABASE: pgDatabase,
        ...(pgServer.password ? { DB_PASSWORD: pgServer.password } : {}),
      }
    : { SQLITE_PATH: sqlitePath }),
}
const root = new URL('../', import.meta.url)

/** Drops and creates the benchmark's own PostgreSQL database; returns the server version. */
async function freshPostgres() {
  if (!/bench/.test(pgDatabase) || !/^[a-z0-9_]+$/.test(pgDatabase)) {
    throw new Error(
      `BENCH_DATABASE "${pgDatabase}" must be lower-case [a-z0-9_] and contain "bench"`
    )
  }
  const client = new pg.Client({ ...pgServer, database: 'postgres' })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${pgDatabase}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${pgDatabase}"`)
    const { rows } = await client.query('SHOW server_version')
    return `PostgreSQL ${rows[0].server_version}, database ${pgDatabase}`
  } finally {
    await client.end()
  }
}

let databaseLabel = `SQLite ${sqlitePath}`
if (dialect === 'pg') {
  databaseLabel = await freshPostgres()
} else {
  await Promise.all(
    ['', '-wal', '-shm'].map((suffix) => rm(new URL(sqlitePath + suffix, root), { force: true }))
  )
}
const migrated = spawnSync(
  process.execPath,
  ['ace', 'migration:run', '--force', '--compact-output', '--no-schema-generate'],
  { cwd: root, env, stdio: 'inherit' }
)
if (migrated.status !== 0) throw new Error('node ace migration:run failed')

// This process boots the app too (as bench/media.ts does), with the server's
// environment, to seed the catalog, run the bare side and check the ledger.
Object.assign(process.env, env)
const app = new Ignitor(root, {
  importer: (path) => import(path.startsWith('.') ? new URL(path, root).href : path),
})
  .tap((application) => application.booting(async () => void (await import('#start/env'))))
  .createApp('console')
await app.init()
await app.boot()
await app.start(async () => {})

const db = await app.container.make('lucid.db')
const factories = await import('#database/factories/index')
const { ProductStatus } = await import('#lifecycles/product_lifecycle')
const { OrderStatus, StockState } = await import('#lifecycles/order_lifecycle')
const { SellerOrderStatus } = await import('#lifecycles/seller_order_lifecycle')
const { affectedRows } = await import('#services/orders/row_transition')
const { sqlTimestamp } = await import('#services/sql_time')

/** Sellers with published single-variant products, `stock` units each. */
async function seed(): Promise<Listing[]> {
  const category = await factories.CategoryFactory.create()
  const listings: Listing[] = []
  for (let s = 0; s < sellerCount; s++) {
    const { seller } = await factories.createSellerOwner()
    for (let p = 0; p < productsPerSeller; p++) {
      const price = 5_000 + 1_000 * ((s * productsPerSeller + p) % 30)
      const product = await factories.createProduct(seller, category, {
        status: ProductStatus.Published,
        prices: [price],
      })
      const [variant] = product.variants
      variant.stock = stock
      await variant.save()
      listings.push({
        sellerId: seller.id,
        productId: product.id,
        variantId: variant.id,
        title: product.title,
        sku: variant.sku,
        price,
      })
    }
  }
  return listings
}

const listings = await seed()
const total = warmup + rounds * checkouts
// Both sides buy the same carts, in the same order.
const plans = makePlans(listings, total, 20_260_101)
const placed = { orders: 0, units: 0 }
const unitsOf = (plan: Plan) => plan.lines.reduce((sum, line) => sum + line.quantity, 0)

const server = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
})
const store = new StoreClient(`http://127.0.0.1:${port}`)

/** Fills a cart per plan over HTTP (untimed), then times POST /checkout for each. */
async function httpSide(batch: { plan: Plan; index: number }[]) {
  const carts = new Map<number, string>()
  await inParallel(batch, concurrency, async ({ plan, index }) => {
    carts.set(index, await store.fill(plan))
  })
  return measure(batch, concurrency, async ({ plan, index }) => {
    const failure = await store.checkout(carts.get(index)!, index)
    if (!failure) {
      placed.orders++
      placed.units += unitsOf(plan)
    }
    return failure
  })
}

const states = {
  orderStatus: OrderStatus.PendingPayment,
  stockState: StockState.Reserved,
  sellerOrderStatus: SellerOrderStatus.AwaitingPayment,
  now: sqlTimestamp,
  affectedRows,
}

/** Runs the bare transaction for each plan, timed the same way. */
function bareSide(batch: { plan: Plan; index: number }[]) {
  return measure(batch, concurrency, async ({ plan, index }) => {
    await bareCheckout(db, plan, states, index)
    placed.orders++
    placed.units += unitsOf(plan)
    return null
  })
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not come up`)
}

const results: Record<'bare' | 'http', Sample[]> = { bare: [], http: [] }
try {
  await waitFor(`${store.base}/health/live`)
  const numbered = plans.map((plan, index) => ({ plan, index }))
  await bareSide(numbered.slice(0, warmup))
  await httpSide(numbered.slice(0, warmup))

  console.log(
    `\n${dialect === 'pg' ? 'PostgreSQL' : 'SQLite'}: ${rounds} rounds × ${checkouts} checkouts ` +
      `per side, ${concurrency} concurrent, after ${warmup} warm-up checkouts per side`
  )
  for (let round = 0; round < rounds; round++) {
    const batch = numbered.slice(warmup + round * checkouts, warmup + (round + 1) * checkouts)
    for (const side of round % 2 ? (['http', 'bare'] as const) : (['bare', 'http'] as const)) {
      const sample = side === 'http' ? await httpSide(batch) : await bareSide(batch)
      results[side].push(sample)
      const rate = (sample.ok / sample.seconds).toFixed(1)
      console.log(
        `  round ${round + 1} ${side.padEnd(4)} ${sample.ok} ok in ${sample.seconds.toFixed(2)} s (${rate}/s)`
      )
    }
  }
} finally {
  server.kill('SIGTERM')
}

console.log(
  `\n${listings.length} variants from ${sellerCount} sellers, ${stock} units each; carts (all runs) ${cartMix(plans)}\n`
)
printTable(results)
const variantIds = listings.map((listing) => listing.variantId)
if (!(await checkLedger(db, variantIds, stock, placed))) process.exitCode = 1

console.log(
  [
    `\nMachine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}`,
    `Database: ${databaseLabel}`,
    `Load average (1 min): ${loadAtStart.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
  ].join('\n')
)
await app.terminate()
