/*
 * The checkout benchmark's workload: the carts it buys (the same plans for
 * both sides), the closed-loop runner, the HTTP side and the bare transaction.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '@adonisjs/lucid/database'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** A variant the seed created, with what an order row snapshots of it. */
export interface Listing {
  sellerId: number
  productId: number
  variantId: number
  title: string
  sku: string
  price: number
}

/** One checkout: 1–3 lines from (at most) two sellers. */
export interface Plan {
  lines: { listing: Listing; quantity: number }[]
}

/** Latencies of one side's successful checkouts and the wall time they took. */
export interface Sample {
  latencies: number[]
  seconds: number
  ok: number
  errors: Map<string, number>
}

/** A small seeded PRNG (mulberry32), so every run buys the same carts. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `count` carts: 1, 2 or 3 lines (one each), two sellers whenever there is
 * more than one line, 1–2 units a line, never the same variant twice.
 */
export function makePlans(listings: Listing[], count: number, seed: number): Plan[] {
  const next = random(seed)
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]
  const sellers = [...new Set(listings.map((listing) => listing.sellerId))]
  return Array.from({ length: count }, () => {
    const first = pick(sellers)
    const second = pick(sellers.filter((seller) => seller !== first))
    const lineCount = 1 + Math.floor(next() * 3)
    const lines: Plan['lines'] = []
    for (let index = 0; index < lineCount; index++) {
      const seller = index === 0 ? first : index === 1 ? second : pick([first, second])
      const taken = new Set(lines.map((line) => line.listing.variantId))
      const options = listings.filter((l) => l.sellerId === seller && !taken.has(l.variantId))
      lines.push({ listing: pick(options), quantity: 1 + Math.floor(next() * 2) })
    }
    return { lines }
  })
}

/** Runs `task` for every item with `concurrency` loops back to back (a closed loop). */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<unknown>
) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
}

/** Times `attempt` for every item; an attempt returns null when it succeeded, else why not. */
export async function measure<T>(
  items: T[],
  concurrency: number,
  attempt: (item: T) => Promise<string | null>
): Promise<Sample> {
  const sample: Sample = { latencies: [], seconds: 0, ok: 0, errors: new Map() }
  const started = performance.now()
  await inParallel(items, concurrency, async (item) => {
    const begun = performance.now()
    const failure = await attempt(item).catch((error: Error) => error.message.slice(0, 60))
    if (failure) {
      sample.errors.set(failure, (sample.errors.get(failure) ?? 0) + 1)
      return
    }
    sample.latencies.push(performance.now() - begun)
    sample.ok++
  })
  sample.seconds = (performance.now() - started) / 1000
  return sample
}

/** Pools the rounds of one side: checkouts/s over the summed wall time, percentiles over all. */
export function summarize(samples: Sample[]) {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b)
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0)
  const ok = samples.reduce((sum, sample) => sum + sample.ok, 0)
  const errors = new Map<string, number>()
  for (const [why, times] of samples.flatMap((sample) => [...sample.errors])) {
    errors.set(why, (errors.get(why) ?? 0) + times)
  }
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * p) - 1)] ?? Number.NaN
  return { rate: ok / seconds, p50: at(0.5), p99: at(0.99), ok, errors }
}

const address = {
  name: '홍길동',
  phone: '010-1234-5678',
  country: 'KR',
  postalCode: '06236',
  line1: '서울특별시 강남구 테헤란로 152',
  line2: '101동 1001호',
}

/** The parts of a Store API answer the benchmark reads. */
interface ApiBody {
  data?: { id: string }
  errors?: { code: string }[]
}

/** The Store API as a shopper's client calls it. */
export class StoreClient {
  constructor(readonly base: string) {}

  async #send(method: string, path: string, body?: object) {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as ApiBody }
  }

  /** Creates a cart and adds the plan's lines; returns the cart id. */
  async fill(plan: Plan): Promise<string> {
    const created = await this.#send('POST', '/carts')
    if (created.status !== 201) throw new Error(`POST /carts answered ${created.status}`)
    const cartId = created.body.data!.id
    for (const { listing, quantity } of plan.lines) {
      const added = await this.#send('POST', `/carts/${cartId}/items`, {
        variantId: listing.variantId,
        quantity,
      })
      if (added.status !== 201) throw new Error(`adding an item answered ${added.status}`)
    }
    return cartId
  }

  /** POST /checkout with a bank transfer to a Seoul address: null when the order was placed. */
  async checkout(cartId: string, index: number): Promise<string | null> {
    const placed = await this.#send('POST', '/checkout', {
      cartId,
      email: `bench-${index}@example.test`,
      shippingAddress: address,
      paymentMethod: 'bank_transfer',
    })
    if (placed.status === 201) return null
    return `HTTP ${placed.status} ${placed.body.errors?.[0]?.code ?? ''}`.trim()
  }
}

/** The writes of the bare transaction, named like the app's enums. */
export interface BareStates {
  orderStatus: string
  stockState: string
  sellerOrderStatus: string
  now: (trx: TransactionClientContract) => string
  affectedRows: (result: unknown) => number
}

/** The id an INSERT … RETURNING id gave, whatever shape the driver reports it in. */
function insertedId(rows: unknown[]): number {
  const [row] = rows
  return Number(typeof row === 'object' && row !== null ? (row as { id: number }).id : row)
}

/**
 * The database work of a checkout and nothing else: in one transaction, the
 * conditional `UPDATE product_variants SET stock = stock - ? WHERE id = ? AND
 * stock >= ?` per line in variant order (as reserveStock does), then the
 * order row, one seller order row per seller and the item rows.
 */
export async function bareCheckout(db: Database, plan: Plan, states: BareStates, sequence: number) {
  await db.transaction(async (trx) => {
    const claims = [...plan.lines].sort((a, b) => a.listing.variantId - b.listing.variantId)
    for (const { listing, quantity } of claims) {
      const changed = await trx
        .from('product_variants')
        .where('id', listing.variantId)
        .where('stock', '>=', quantity)
        .decrement('stock', quantity)
      if (states.affectedRows(changed) !== 1) throw new Error('out of stock')
    }
    const now = states.now(trx)
    const subtotal = plan.lines.reduce((sum, line) => sum + line.listing.price * line.quantity, 0)
    const sellers = [...new Set(plan.lines.map((line) => line.listing.sellerId))]
    const shipping = 3000 * sellers.length
    const order = await trx
      .table('orders')
      .returning('id')
      .insert({
        number: `BX${String(sequence).padStart(10, '0')}`,
        email: `bare-${sequence}@example.test`,
        locale: 'ko',
        status: states.orderStatus,
        stock_state: states.stockState,
        currency: 'KRW',
        subtotal,
        shipping_total: shipping,
        grand_total: subtotal + shipping,
        shipping_address: JSON.stringify({ ...address, city: null, region: null }),
        payment_method: 'bank_transfer',
        access_key_hash: createHash('sha256').update(randomBytes(24)).digest('hex'),
        expires_at: now,
        created_at: now,
        updated_at: now,
      })
    const orderId = insertedId(order)
    for (const sellerId of sellers) {
      const lines = plan.lines.filter((line) => line.listing.sellerId === sellerId)
      const sellerSubtotal = lines.reduce(
        (sum, line) => sum + line.listing.price * line.quantity,
        0
      )
      const sellerOrder = await trx
        .table('seller_orders')
        .returning('id')
        .insert({
          order_id: orderId,
          seller_id: sellerId,
          status: states.sellerOrderStatus,
          subtotal: sellerSubtotal,
          shipping_amount: 3000,
          total: sellerSubtotal + 3000,
          shipping_breakdown: JSON.stringify([
            { code: 'base', label: '기본 배송비', amount: 3000 },
          ]),
          created_at: now,
          updated_at: now,
        })
      // One INSERT per item, as OrderItem.createMany issues them.
      for (const { listing, quantity } of lines) {
        await trx.table('order_items').insert({
          order_id: orderId,
          seller_order_id: insertedId(sellerOrder),
          product_id: listing.productId,
          variant_id: listing.variantId,
          product_title: listing.title,
          variant_label: '',
          sku: listing.sku,
          unit_price: listing.price,
          quantity,
          line_total: listing.price * quantity,
          weight_grams: 500,
          created_at: now,
        })
      }
    }
  })
}
