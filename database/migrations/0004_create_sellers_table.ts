import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'sellers'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 80).notNullable()
      table.string('slug', 100).notNullable().unique()
      table.string('business_number', 10).notNullable().unique()
      table.string('representative', 60).notNullable()
      table.string('contact_email', 254).notNullable()
      table.string('contact_phone', 20).notNullable()
      table.text('description').nullable()
      table.string('bank_name', 40).notNullable()
      table.string('bank_account_holder', 60).notNullable()
      // Encrypted with the app key; only the last four digits are kept in clear.
      table.text('bank_account_number').notNullable()
      table.string('bank_account_last_digits', 4).notNullable()
      table.enum('status', ['pending', 'approved', 'rejected']).notNullable().defaultTo('pending')
      table.text('rejection_reason').nullable()
      table
        .integer('reviewed_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('reviewed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['status', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
