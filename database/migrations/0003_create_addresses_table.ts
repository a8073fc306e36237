import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'addresses'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('label', 40).nullable()
      table.string('recipient', 100).notNullable()
      table.string('phone', 20).notNullable()
      table.string('country', 2).notNullable()
      table.string('postal_code', 16).notNullable()
      table.string('region', 100).nullable()
      table.string('city', 100).nullable()
      table.string('line1', 200).notNullable()
      table.string('line2', 200).nullable()
      table.boolean('is_default').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
