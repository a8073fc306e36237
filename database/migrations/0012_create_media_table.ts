import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Product photos and videos, and the files the pipeline makes from them.
 * The original is stored once per content hash; a rendition row exists only
 * for a file that was completely written, and rows are swapped in one
 * transaction, so a half-processed set is never visible.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('media', (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('RESTRICT')
      table.string('kind', 8).notNullable()
      table.string('status', 16).notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.boolean('is_cover').notNullable().defaultTo(false)
      table.string('alt', 300).nullable()
      table.string('content_hash', 64).notNullable()
      table.string('original_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('source_format', 8).notNullable()
      table.string('mime_type', 64).notNullable()
      table.integer('bytes').notNullable()
      table.integer('width').nullable()
      table.integer('height').nullable()
      table.integer('duration_ms').nullable()
      table.text('placeholder').nullable()
      // The published renditions as JSON, written with the rows below, so
      // listings read a gallery without loading a row per file.
      table.text('rendition_set').nullable()
      table.string('preset_fingerprint', 16).nullable()
      table.text('error').nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('processed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      // The same file twice in one gallery is refused, even under concurrent uploads.
      table.unique(['product_id', 'content_hash'])
      table.index(['product_id', 'status', 'position'])
      table.index(['seller_id', 'kind'])
      table.index(['content_hash'])
      table.check('?? in (?, ?)', ['kind', 'image', 'video'], 'media_kind_check')
      table.check(
        '?? in (?, ?, ?, ?)',
        ['status', 'queued', 'processing', 'ready', 'failed'],
        'media_status_check'
      )
    })

    this.schema.createTable('media_renditions', (table) => {
      table.increments('id')
      table.integer('media_id').notNullable().references('id').inTable('media').onDelete('CASCADE')
      table.string('role', 8).notNullable()
      table.string('format', 8).notNullable()
      table.integer('width').notNullable()
      table.integer('height').notNullable()
      table.integer('bytes').notNullable()
      table.string('key', 255).notNullable()
      table.unique(['media_id', 'role', 'format', 'width'])
      // Files are shared by media with the same content; deleting one checks this.
      table.index(['key'])
    })

    this.schema.alterTable('products', (table) => {
      // The listing image, kept by the media service so listings need no search.
      table
        .integer('cover_media_id')
        .nullable()
        .references('id')
        .inTable('media')
        .onDelete('SET NULL')
    })
  }

  async down() {
    this.schema.alterTable('products', (table) => {
      table.dropForeign(['cover_media_id'])
      table.dropColumn('cover_media_id')
    })
    this.schema.dropTable('media_renditions')
    this.schema.dropTable('media')
  }
}
