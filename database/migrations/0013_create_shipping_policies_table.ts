import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A seller's shipping settings, one versioned row per scope (domestic, the
 * remote-area surcharge, international). A change inserts the next version
 * and retires the current one, so orders can point at the exact version
 * they were quoted with. A null code means the seller does not offer it.
 */
export default class extends BaseSchema {
  protected tableName = 'shipping_policies'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('CASCADE')
      table.string('scope', 16).notNullable()
      table.string('code', 60).nullable()
      table.text('options').notNullable().defaultTo('{}')
      table.integer('version').notNullable()
      table.boolean('is_current').notNullable().defaultTo(true)
      table
        .integer('created_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.unique(['seller_id', 'scope', 'version'])
    })
    // At most one current version per seller and scope.
    this.schema.raw(
      'CREATE UNIQUE INDEX shipping_policies_current_unique ON shipping_policies (seller_id, scope) WHERE is_current = true'
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
