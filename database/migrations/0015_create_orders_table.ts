import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Orders, one seller order per seller in them, and line items that snapshot
 * what was bought (title, variant, unit price) so later catalog edits never
 * rewrite history. Seller orders keep the shipping policy versions and the
 * fee breakdown they were quoted with.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('orders', (table) => {
      table.increments('id')
      table.string('number', 24).notNullable().unique()
      table.integer('user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('email', 254).notNullable()
      table.string('locale', 5).notNullable()
      table.string('status', 20).notNullable()
      table.string('stock_state', 10).notNullable()
      table.string('currency', 3).notNullable()
      table.integer('subtotal').notNullable()
      table.integer('shipping_total').notNullable()
      table.integer('grand_total').notNullable()
      table.text('shipping_address').notNullable()
      table.string('payment_method', 40).notNullable()
      // SHA-256 of the key a guest gets to look at their order.
      table.string('access_key_hash', 64).notNullable()
      table.timestamp('expires_at').nullable()
      table.timestamp('paid_at').nullable()
      table.timestamp('canceled_at').nullable()
      table.text('cancel_reason').nullable()
      table.timestamp('completed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['status', 'expires_at'])
      table.index(['user_id', 'created_at'])
      table.index(['created_at'])
      table.check('?? >= 0 AND ?? >= 0', ['subtotal', 'shipping_total'], 'orders_amounts_check')
    })

    this.schema.createTable('seller_orders', (table) => {
      table.increments('id')
      table.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table
        .integer('seller_id')
        .notNullable()
        .references('id')
        .inTable('sellers')
        .onDelete('RESTRICT')
      table.string('status', 20).notNullable()
      table.integer('subtotal').notNullable()
      table.integer('shipping_amount').notNullable()
      table.integer('total').notNullable()
      table
        .integer('shipping_policy_id')
        .nullable()
        .references('id')
        .inTable('shipping_policies')
        .onDelete('SET NULL')
      table
        .integer('surcharge_policy_id')
        .nullable()
        .references('id')
        .inTable('shipping_policies')
        .onDelete('SET NULL')
      table.text('shipping_breakdown').notNullable().defaultTo('[]')
      table.string('carrier', 40).nullable()
      table.string('tracking_number', 40).nullable()
      table.timestamp('shipped_at').nullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('confirmed_at').nullable()
      table.timestamp('canceled_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['order_id', 'seller_id'])
      table.index(['seller_id', 'status', 'created_at'])
      table.index(['status', 'shipped_at'])
      table.index(['status', 'delivered_at'])
    })

    this.schema.createTable('order_items', (table) => {
      table.increments('id')
      table.integer('order_id').notNullable().references('id').inTable('orders').onDelete('CASCADE')
      table
        .integer('seller_order_id')
        .notNullable()
        .references('id')
        .inTable('seller_orders')
        .onDelete('CASCADE')
      table
        .integer('product_id')
        .nullable()
        .references('id')
        .inTable('products')
        .onDelete('SET NULL')
      table
        .integer('variant_id')
        .nullable()
        .references('id')
        .inTable('product_variants')
        .onDelete('SET NULL')
      table.string('product_title', 200).notNullable()
      table.string('variant_label', 200).notNullable()
      table.string('sku', 64).notNullable()
      table.integer('unit_price').notNullable()
      table.integer('quantity').notNullable()
      table.integer('line_total').notNullable()
      table.integer('weight_grams').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.index(['order_id'])
      table.index(['seller_order_id'])
      table.index(['variant_id'])
      table.check('?? > 0', ['quantity'], 'order_items_quantity_check')
    })
  }

  async down() {
    this.schema.dropTable('order_items')
    this.schema.dropTable('seller_orders')
    this.schema.dropTable('orders')
  }
}
