import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_events', (table) => {
      table.increments('id')
      // No foreign keys: the log must outlive the rows it talks about.
      table.integer('actor_id').nullable()
      table.string('actor_role', 20).notNullable()
      table.string('action', 60).notNullable()
      table.string('subject_type', 40).notNullable()
      table.string('subject_id', 40).nullable()
      // Canonical JSON of { before, after }, hashed exactly as stored.
      table.text('changes').notNullable()
      table.string('ip', 45).nullable()
      table.string('user_agent', 255).nullable()
      table.string('request_id', 64).nullable()
      // ISO-8601 UTC, stored as text so the hashed value reads back byte for byte.
      table.string('occurred_at', 30).notNullable()
      table.string('prev_hash', 64).notNullable()
      table.string('hash', 64).notNullable().unique()
      table.index(['occurred_at'])
      table.index(['action', 'occurred_at'])
      table.index(['actor_id', 'occurred_at'])
      table.index(['subject_type', 'subject_id'])
    })

    // One row that serialises appends: every writer locks it, so each event
    // chains to the one written just before it.
    this.schema.createTable('audit_chain_heads', (table) => {
      table.integer('id').primary()
      table.integer('last_event_id').notNullable().defaultTo(0)
      table.string('last_hash', 64).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('audit_chain_heads')
    this.schema.dropTable('audit_events')
  }
}
