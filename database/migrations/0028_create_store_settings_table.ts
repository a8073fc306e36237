import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The store's own settings, written by `node ace store:setup`: one row
 * (id 1) that the app reads at start in preference to STORE_NAME,
 * STORE_CURRENCY and DEFAULT_LOCALE, so a shop set up once keeps its name
 * whatever the environment of the next release says.
 */
export default class extends BaseSchema {
  protected tableName = 'store_settings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.integer('id').primary()
      table.string('name', 100).notNullable()
      table.string('currency', 3).notNullable()
      table.string('default_locale', 5).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
