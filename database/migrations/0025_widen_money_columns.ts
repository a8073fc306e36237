import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every money column, by table. Amounts are integer minor units: the highest
 * price (₩1,000,000,000) times 99 units, or three of them in one order, is
 * beyond PostgreSQL's `integer` (2³¹ − 1).
 */
export const MONEY_COLUMNS: Record<string, string[]> = {
  products: ['min_price'],
  product_variants: ['price', 'compare_at_price'],
  orders: ['subtotal', 'shipping_total', 'grand_total'],
  seller_orders: ['subtotal', 'shipping_amount', 'total'],
  order_items: ['unit_price', 'line_total'],
  payments: ['amount', 'captured_amount', 'refunded_amount'],
  payment_refunds: ['amount'],
}

/**
 * Widens the money columns to `bigint` in place, keeping their rows,
 * defaults and NOT NULLs. On SQLite an INTEGER column already holds 64-bit
 * values, so there is nothing to change (and rebuilding tables there would
 * drop and cascade through the foreign keys).
 */
export default class extends BaseSchema {
  async up() {
    this.#retype('bigint')
  }

  /** Fails on PostgreSQL if an amount no longer fits in `integer`, rather than truncating it. */
  async down() {
    this.#retype('integer')
  }

  #retype(type: 'bigint' | 'integer') {
    if (this.db.dialect.name !== 'postgres') return
    for (const [table, columns] of Object.entries(MONEY_COLUMNS)) {
      const clauses = columns.map((column) => `ALTER COLUMN "${column}" TYPE ${type}`)
      this.schema.raw(`ALTER TABLE "${table}" ${clauses.join(', ')}`)
    }
  }
}
