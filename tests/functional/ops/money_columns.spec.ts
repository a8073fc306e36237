import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { QueueManager } from '@adonisjs/queue'
import WidenMoneyColumns, { MONEY_COLUMNS } from '#database/migrations/0025_widen_money_columns'
import { placedOrder } from '#tests/helpers/shop'

/** The declared type of every money column (PostgreSQL only; SQLite integers are 64-bit). */
async function moneyColumnTypes() {
  const rows = await db
    .from('information_schema.columns')
    .where('table_schema', 'public')
    .whereIn('table_name', Object.keys(MONEY_COLUMNS))
    .select('table_name', 'column_name', 'data_type')
  const types = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row.data_type]))
  return Object.entries(MONEY_COLUMNS).flatMap(([table, columns]) =>
    columns.map((column) => [`${table}.${column}`, types.get(`${table}.${column}`)])
  )
}

/** The money an order holds, read from its rows. */
async function amountsOf(orderId: number) {
  const order = await db.from('orders').where('id', orderId).first()
  const items = await db.from('order_items').where('order_id', orderId).orderBy('id')
  const payment = await db.from('payments').where('order_id', orderId).first()
  return {
    order: [order.subtotal, order.shipping_total, order.grand_total],
    items: items.map((item) => [item.unit_price, item.line_total]),
    payment: payment.amount,
  }
}

test.group('Database | money columns', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('hold every amount beyond 2³¹ exactly, read back as numbers', async ({ assert }) => {
    const { order } = await placedOrder()
    const amount = 99_000_003_000
    const [item] = await db.from('order_items').where('order_id', order.id)
    const rowOf: Record<string, [string, number]> = {
      orders: ['id', order.id],
      seller_orders: ['order_id', order.id],
      order_items: ['order_id', order.id],
      payments: ['order_id', order.id],
      products: ['id', item.product_id],
      product_variants: ['id', item.variant_id],
    }
    for (const [table, [key, value]] of Object.entries(rowOf)) {
      const columns = Object.fromEntries(MONEY_COLUMNS[table].map((column) => [column, amount]))
      await db.from(table).where(key, value).update(columns)
      const stored = await db.from(table).where(key, value).select(MONEY_COLUMNS[table]).first()
      assert.deepEqual(stored, columns, table)
    }
    if (db.connection().dialect.name === 'postgres') {
      const types = await moneyColumnTypes()
      assert.sameMembers([...new Set(types.map(([, type]) => type))], ['bigint'])
    }
  })

  test('widen in place, keeping the amounts of existing orders', async ({ assert }) => {
    const { order } = await placedOrder()
    const before = await amountsOf(order.id)
    assert.deepEqual(before, {
      order: [20_000, 3000, 23_000],
      items: [[10_000, 20_000]],
      payment: 23_000,
    })

    // Back to `integer` as before the migration, then widened again with the rows in place.
    await new WidenMoneyColumns(db.connection(), 'down').execDown()
    await new WidenMoneyColumns(db.connection(), 'up').execUp()

    assert.deepEqual(await amountsOf(order.id), before)
  })
})
