import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'seller_members'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('CASCADE')
      // A user works for at most one seller.
      table
        .integer('user_id')
        .notNullable()
        .unique()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.enum('role', ['owner', 'manager']).notNullable().defaultTo('owner')
      table.timestamp('created_at').notNullable()
      table.index(['seller_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
