import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per alert fingerprint while its window is open: the alert first
 * sent, and how many repeats arrived since the last message, for the
 * "N more in the last 10 min" summary. Rows are shared by every web and
 * worker process; a closed window's row is deleted.
 */
export default class extends BaseSchema {
  protected tableName = 'alert_windows'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('fingerprint', 64).notNullable().unique()
      table.string('kind', 40).notNullable()
      table.text('alert').notNullable()
      table.integer('repeats').notNullable().defaultTo(0)
      table.timestamp('opened_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
