import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What customers and sellers need to see of a refund: when it went through
 * (`refunded_at`; existing succeeded rows take their last update), which
 * ordered items it gives back (`payment_refund_items`, optional: a refund may
 * be only money), and why an admin refunded money that purchase
 * confirmation (구매확정) had already promised to the seller
 * (`override_reason`, null for an ordinary refund).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('payment_refunds', (table) => {
      table.timestamp('refunded_at').nullable()
      table.string('override_reason', 500).nullable()
    })
    this.defer(async (db) => {
      await db
        .from('payment_refunds')
        .where('status', 'succeeded')
        .update({ refunded_at: db.raw('coalesce(updated_at, created_at)') })
    })

    this.schema.createTable('payment_refund_items', (table) => {
      table.increments('id')
      table
        .integer('payment_refund_id')
        .notNullable()
        .references('id')
        .inTable('payment_refunds')
        .onDelete('CASCADE')
      table
        .integer('order_item_id')
        .notNullable()
        .references('id')
        .inTable('order_items')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.unique(['payment_refund_id', 'order_item_id'])
      table.index(['order_item_id'])
      table.check('?? > 0', ['quantity'], 'payment_refund_items_quantity_check')
    })
  }

  async down() {
    this.schema.dropTable('payment_refund_items')
    this.schema.alterTable('payment_refunds', (table) => {
      table.dropColumn('override_reason')
      table.dropColumn('refunded_at')
    })
  }
}
