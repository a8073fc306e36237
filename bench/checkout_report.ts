/*
 * What the checkout benchmark prints: the pooled table of both sides and the
 * stock ledger checked against the orders in the database.
 */
import type { Database } from '@adonisjs/lucid/database'
import { type Plan, type Sample, summarize } from './checkout_workload.js'

const columns = [40, 12, 9, 9, 7, 7]

/** Prints a table row: the first cell padded on the right, the others on the left. */
function row(...cells: string[]) {
  console.log(
    cells.map((cell, i) => (i ? cell.padStart(columns[i]) : cell.padEnd(columns[i]))).join(' ')
  )
}

/** How many carts had 1, 2 and 3 lines. */
export function cartMix(plans: Plan[]) {
  return [1, 2, 3]
    .map((n) => `${n} line${n > 1 ? 's' : ''}: ${plans.filter((p) => p.lines.length === n).length}`)
    .join(', ')
}

/** The pooled rounds of each side, the throughput ratio, and any failures by reason. */
export function printTable(results: { bare: Sample[]; http: Sample[] }) {
  const bare = summarize(results.bare)
  const http = summarize(results.http)
  row('side', 'checkouts/s', 'p50 ms', 'p99 ms', 'ok', 'errors')
  for (const [name, result] of [
    ['bare transaction (reserve + insert rows)', bare],
    ['POST /api/v1/checkout (HTTP)', http],
  ] as const) {
    const errors = [...result.errors.values()].reduce((sum, n) => sum + n, 0)
    row(
      name,
      result.rate.toFixed(1),
      result.p50.toFixed(1),
      result.p99.toFixed(1),
      String(result.ok),
      String(errors)
    )
  }
  console.log(`ratio HTTP / bare throughput: ${(http.rate / bare.rate).toFixed(3)}`)
  for (const [why, times] of [...bare.errors, ...http.errors]) {
    console.log(`  error ×${times}: ${why}`)
  }
}

/**
 * Compares what the orders hold with what left the shelves: no variant below
 * zero, units in order items = stock consumed = units of the carts that were
 * checked out, one order per successful checkout. Returns whether all hold.
 */
export async function checkLedger(
  db: Database,
  variantIds: number[],
  initialStock: number,
  placed: { orders: number; units: number }
) {
  const stocks = await db.from('product_variants').whereIn('id', variantIds).select('stock')
  const lowest = Math.min(...stocks.map((variant) => Number(variant.stock)))
  const consumed = stocks.reduce((sum, variant) => sum + (initialStock - Number(variant.stock)), 0)
  const [{ negative }] = await db
    .from('product_variants')
    .where('stock', '<', 0)
    .count('* as negative')
  const [{ units }] = await db.from('order_items').sum('quantity as units')
  const [{ orders }] = await db.from('orders').count('* as orders')
  const checks: [string, boolean][] = [
    [`no stock below zero (${negative} rows; lowest ${lowest})`, Number(negative) === 0],
    [`units in order items = stock consumed (${units} = ${consumed})`, Number(units) === consumed],
    [
      `units of the carts checked out = stock consumed (${placed.units} = ${consumed})`,
      placed.units === consumed,
    ],
    [
      `orders = successful checkouts (${orders} = ${placed.orders})`,
      Number(orders) === placed.orders,
    ],
  ]
  console.log('\nChecks (all runs, warm-up included):')
  for (const [label, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}`)
  return checks.every(([, ok]) => ok)
}
