import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Refunds, one row per request: how much, why, who asked, and for which
 * seller order of a multi-seller order. The row is written (pending) before
 * the provider is called and its id is the refund's idempotency key, so a
 * retry after a crash never refunds twice; pending and succeeded rows count
 * against what is still refundable.
 */
export default class extends BaseSchema {
  protected tableName = 'payment_refunds'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('payment_id')
        .notNullable()
        .references('id')
        .inTable('payments')
        .onDelete('CASCADE')
      table
        .integer('seller_order_id')
        .nullable()
        .references('id')
        .inTable('seller_orders')
        .onDelete('SET NULL')
      table.string('status', 20).notNullable()
      table.integer('amount').notNullable()
      table.string('currency', 3).notNullable()
      table.string('reason', 500).notNullable()
      table.string('idempotency_key', 120).notNullable().unique()
      table.string('provider_refund_reference', 200).nullable()
      table.string('failure_code', 60).nullable()
      table.text('failure_reason').nullable()
      table
        .integer('requested_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['payment_id', 'status'])
      table.index(['seller_order_id', 'status'])
      table.check('?? > 0', ['amount'], 'payment_refunds_amount_check')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
