import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Moving money (refunds, accepting a held payment, marking a deposit
 * received) is for admins; an admin may grant it to a staff member, and
 * this flag is that grant. It means nothing on any other role.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.boolean('can_move_money').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('can_move_money')
    })
  }
}
