import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Payment methods a customer kept for one-click payments: the provider's
 * customer and method ids (a Stripe `pm_…`, a Toss billing key, …) and what
 * to show (brand, last four digits, expiry), never card data. A payment
 * remembers whether the shopper asked to save its method, and which saved
 * method paid it.
 */
export default class extends BaseSchema {
  protected tableName = 'saved_payment_methods'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('adapter', 40).notNullable()
      table.string('provider_customer_id', 255).notNullable()
      table.string('provider_method_id', 255).notNullable()
      table.string('brand', 40).notNullable()
      table.string('last_four', 4).nullable()
      table.string('expires_at', 7).nullable()
      table.timestamp('last_used_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['user_id', 'adapter', 'provider_method_id'])
      table.index(['user_id', 'adapter'])
    })
    this.schema.alterTable('payments', (table) => {
      table.boolean('save_method').notNullable().defaultTo(false)
      table
        .integer('saved_payment_method_id')
        .nullable()
        .references('id')
        .inTable('saved_payment_methods')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('payments', (table) => {
      table.dropColumn('saved_payment_method_id')
      table.dropColumn('save_method')
    })
    this.schema.dropTable(this.tableName)
  }
}
