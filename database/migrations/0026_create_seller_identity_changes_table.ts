import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Changes an approved seller asked for to the details an operator verified
 * (business number, registered name, representative, payout account). The
 * seller's own row keeps the verified values until an operator approves;
 * each request holds the complete proposed set, the account number
 * encrypted like sellers.bank_account_number (same purpose, so approval
 * copies the ciphertext). At most one request per seller is pending.
 */
export default class extends BaseSchema {
  protected tableName = 'seller_identity_changes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('CASCADE')
      table.string('status', 20).notNullable()
      table.string('name', 80).notNullable()
      table.string('business_number', 10).notNullable()
      table.string('representative', 60).notNullable()
      table.string('bank_name', 40).notNullable()
      table.string('bank_account_holder', 60).notNullable()
      table.text('bank_account_number').notNullable()
      table.string('bank_account_last_digits', 4).notNullable()
      table
        .integer('requested_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table
        .integer('reviewed_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('reviewed_at').nullable()
      table.text('rejection_reason').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['status', 'created_at'])
      table.index(['seller_id', 'created_at'])
    })
    this.schema.raw(
      "CREATE UNIQUE INDEX seller_identity_changes_one_pending ON seller_identity_changes (seller_id) WHERE status = 'pending'"
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
