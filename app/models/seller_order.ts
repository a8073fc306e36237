import { SellerOrderSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Order from '#models/order'
import Seller from '#models/seller'
import OrderItem from '#models/order_item'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import { jsonColumn } from '#models/json_column'
import type { BreakdownLine } from '#shipping/types'

/**
 * One seller's part of an order (묶음배송): its items, the shipping fee it
 * was quoted with and the policy versions behind it, and the shipment.
 */
export default class SellerOrder extends SellerOrderSchema {
  @jsonColumn<BreakdownLine[]>()
  declare shippingBreakdown: BreakdownLine[]

  @belongsTo(() => Order)
  declare order: BelongsTo<typeof Order>

  @belongsTo(() => Seller)
  declare seller: BelongsTo<typeof Seller>

  @hasMany(() => OrderItem, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('order_items.id')
    },
  })
  declare items: HasMany<typeof OrderItem>

  @belongsTo(() => ShippingPolicyVersion, { foreignKey: 'shippingPolicyId' })
  declare shippingPolicy: BelongsTo<typeof ShippingPolicyVersion>
}
