import { OrderSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import SellerOrder from '#models/seller_order'
import OrderItem from '#models/order_item'
import Payment from '#models/payment'
import { jsonColumn } from '#models/json_column'
import type { ShippingAddress } from '#services/orders/shipping_address'

/**
 * A customer's order: totals in minor units, the address it ships to, and
 * one seller order per seller in it. Status changes go through
 * orderLifecycle only.
 */
export default class Order extends OrderSchema {
  @jsonColumn<ShippingAddress>()
  declare shippingAddress: ShippingAddress

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @hasMany(() => SellerOrder, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('seller_orders.id')
    },
  })
  declare sellerOrders: HasMany<typeof SellerOrder>

  @hasMany(() => OrderItem, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('order_items.id')
    },
  })
  declare items: HasMany<typeof OrderItem>

  @hasMany(() => Payment, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('payments.id')
    },
  })
  declare payments: HasMany<typeof Payment>
}
