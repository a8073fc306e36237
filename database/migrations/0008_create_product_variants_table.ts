import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'product_variants'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('product_id')
        .notNullable()
        .references('id')
        .inTable('products')
        .onDelete('CASCADE')
      // Denormalised so that a SKU is unique within its seller.
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('RESTRICT')
      table.string('sku', 64).notNullable()
      table.integer('price').notNullable()
      table.integer('compare_at_price').nullable()
      table.integer('stock').notNullable().defaultTo(0)
      table.integer('weight_grams').nullable()
      // Option values as a JSON object, e.g. {"Size":"M","Color":"Black"}.
      table.text('options').notNullable().defaultTo('{}')
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['seller_id', 'sku'])
      table.index(['product_id', 'position'])
      table.check('?? >= 0', ['price'], 'product_variants_price_check')
      table.check('?? >= 0', ['stock'], 'product_variants_stock_check')
      table.check(
        '?? IS NULL OR ?? >= 0',
        ['weight_grams', 'weight_grams'],
        'product_variants_weight_check'
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
