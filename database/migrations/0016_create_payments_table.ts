import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Payment attempts: one adapter, one amount, one state machine. `attempt_id`
 * is public (return URLs) and the base of every idempotency key sent to the
 * provider.
 */
export default class extends BaseSchema {
  protected tableName = 'payments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('attempt_id', 36).notNullable().unique()
      table.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table.string('adapter', 40).notNullable()
      table.string('status', 20).notNullable()
      table.string('currency', 3).notNullable()
      table.integer('amount').notNullable()
      table.integer('captured_amount').notNullable().defaultTo(0)
      table.integer('refunded_amount').notNullable().defaultTo(0)
      table.string('provider_reference', 200).nullable()
      // The session the shopper continues with: redirect URL, client secret or instructions.
      table.text('next_action').nullable()
      table.text('method_summary').nullable()
      table.string('failure_code', 60).nullable()
      table.text('failure_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['order_id', 'created_at'])
      table.index(['adapter', 'provider_reference'])
      table.check(
        '?? >= 0 AND ?? <= ??',
        ['refunded_amount', 'refunded_amount', 'captured_amount'],
        'payments_refund_check'
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
