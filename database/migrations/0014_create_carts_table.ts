import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Carts of guests (known by an unguessable id) and signed-in customers (one
 * each). Every change bumps `version`, so a checkout that raced a change or
 * another checkout of the same cart is refused instead of ordering twice.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('carts', (table) => {
      table.string('id', 36).primary()
      table
        .integer('user_id')
        .nullable()
        .unique()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.integer('version').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['updated_at'])
    })

    this.schema.createTable('cart_items', (table) => {
      table.increments('id')
      table
        .string('cart_id', 36)
        .notNullable()
        .references('id')
        .inTable('carts')
        .onDelete('CASCADE')
      table
        .integer('variant_id')
        .notNullable()
        .references('id')
        .inTable('product_variants')
        .onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['cart_id', 'variant_id'])
      table.index(['variant_id'])
      table.check('?? > 0', ['quantity'], 'cart_items_quantity_check')
    })
  }

  async down() {
    this.schema.dropTable('cart_items')
    this.schema.dropTable('carts')
  }
}
