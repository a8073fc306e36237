import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'products'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('RESTRICT')
      table
        .integer('category_id')
        .notNullable()
        .references('id')
        .inTable('categories')
        .onDelete('RESTRICT')
      table.string('slug', 120).notNullable().unique()
      table.string('title', 200).notNullable()
      table.string('title_en', 200).nullable()
      table.text('description').nullable()
      table.text('description_en').nullable()
      table
        .enum('status', ['draft', 'pending_review', 'published', 'rejected', 'archived'])
        .notNullable()
        .defaultTo('draft')
      table.text('rejection_reason').nullable()
      table.string('currency', 3).notNullable()
      // Lowest variant price, kept by the catalog service for filtering and sorting.
      table.integer('min_price').notNullable().defaultTo(0)
      // Lower-cased titles for the storefront search.
      table.text('search_text').notNullable().defaultTo('')
      table.boolean('is_featured').notNullable().defaultTo(false)
      table.timestamp('submitted_at').nullable()
      table.timestamp('published_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['status', 'published_at'])
      table.index(['status', 'category_id', 'published_at'])
      table.index(['status', 'seller_id', 'published_at'])
      table.index(['status', 'min_price'])
      table.index(['status', 'is_featured'])
      table.index(['seller_id', 'status', 'updated_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
