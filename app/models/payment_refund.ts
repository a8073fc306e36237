import { PaymentRefundSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Payment from '#models/payment'
import SellerOrder from '#models/seller_order'
import PaymentRefundItem from '#models/payment_refund_item'

/**
 * One refund request against a payment, optionally for one seller order and
 * naming the ordered items it gives back.
 */
export default class PaymentRefund extends PaymentRefundSchema {
  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  @belongsTo(() => SellerOrder)
  declare sellerOrder: BelongsTo<typeof SellerOrder>

  @hasMany(() => PaymentRefundItem, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('payment_refund_items.id')
    },
  })
  declare items: HasMany<typeof PaymentRefundItem>
}
