import { BaseSchema } from '@adonisjs/lucid/schema'
import { publishedVersionOf } from '#services/catalog/published_version'

/**
 * What a reviewer approved: the product (text, category, variants and
 * gallery) as it was when published, one row per publication. When a
 * published product comes back to review, the review page shows what
 * changed since the latest one.
 *
 * Products already on sale get their current state as their published
 * version, so their first trip back to review has something to compare to.
 */
export default class extends BaseSchema {
  protected tableName = 'product_publications'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      // The PublishedVersion as JSON (text, the same on SQLite and PostgreSQL).
      table.text('snapshot').notNullable()
      table
        .integer('published_by_id')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('published_at').notNullable()
      table.index(['product_id', 'id'])
    })

    this.defer(async (db) => {
      const products = await db.from('products').where('status', 'published').orderBy('id')
      for (const product of products) {
        const variants = await db
          .from('product_variants')
          .where('product_id', product.id)
          .orderBy('position')
          .orderBy('id')
        const media = await db
          .from('media')
          .where('product_id', product.id)
          .orderBy('position')
          .orderBy('id')
        const version = publishedVersionOf(
          {
            title: product.title,
            titleEn: product.title_en,
            description: product.description,
            descriptionEn: product.description_en,
            categoryId: product.category_id,
          },
          variants.map((variant) => ({
            id: variant.id,
            sku: variant.sku,
            price: Number(variant.price),
            compareAtPrice:
              variant.compare_at_price === null ? null : Number(variant.compare_at_price),
            stock: variant.stock,
            weightGrams: variant.weight_grams,
            options:
              typeof variant.options === 'string' ? JSON.parse(variant.options) : variant.options,
          })),
          media.map((item) => ({
            id: item.id,
            kind: item.kind,
            originalName: item.original_name,
            contentHash: item.content_hash,
          }))
        )
        await db.table(this.tableName).insert({
          product_id: product.id,
          snapshot: JSON.stringify(version),
          published_at: product.published_at ?? product.updated_at ?? product.created_at,
        })
      }
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
