import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes for the back office's order list: a status tab newest first (the
 * existing (status, expires_at) index serves the expiry job, not this
 * ordering), and the search by customer email, which is stored as typed and
 * matched case-insensitively.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('orders', (table) => {
      table.index(['status', 'created_at'], 'orders_status_created_at_index')
    })
    this.schema.raw('CREATE INDEX orders_email_lower_index ON orders (lower(email))')
  }

  async down() {
    this.schema.raw('DROP INDEX orders_email_lower_index')
    this.schema.alterTable('orders', (table) => {
      table.dropIndex(['status', 'created_at'], 'orders_status_created_at_index')
    })
  }
}
