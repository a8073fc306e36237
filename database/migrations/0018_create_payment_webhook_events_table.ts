import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The webhook inbox: one row per provider event, unique on (adapter, event
 * id), so an event delivered twice is acknowledged and not applied twice.
 * `processed_at` stays empty until the event was applied; a delivery that
 * finds its row unprocessed (a crash in between) applies it again, which is
 * safe because every payment transition is conditional.
 */
export default class extends BaseSchema {
  protected tableName = 'payment_webhook_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('adapter', 40).notNullable()
      table.string('event_id', 255).notNullable()
      table.string('type', 40).notNullable()
      table.string('provider_reference', 200).nullable()
      table
        .integer('payment_id')
        .nullable()
        .references('id')
        .inTable('payments')
        .onDelete('SET NULL')
      table.string('outcome', 40).nullable()
      table.timestamp('received_at').notNullable()
      table.timestamp('processed_at').nullable()
      table.unique(['adapter', 'event_id'])
      table.index(['payment_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
