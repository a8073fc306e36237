import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Server-side sessions (the `database` session store of @adonisjs/session),
 * so signing out destroys the session itself and a copied cookie is worth
 * nothing afterwards. users.session_version is part of what a signed-in
 * session remembers: a password change bumps it, which signs out every other
 * session of that user whatever the store (database, Redis). The columns are
 * the ones the store reads and writes (user_id is its optional tagging).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sessions', (table) => {
      table.string('id').primary()
      table.text('data').notNullable()
      table.string('user_id').nullable().index()
      table.timestamp('expires_at').notNullable().index()
    })
    this.schema.alterTable('users', (table) => {
      table.integer('session_version').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('session_version')
    })
    this.schema.dropTable('sessions')
  }
}
