import { PaymentRefundSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Payment from '#models/payment'
import SellerOrder from '#models/seller_order'

/** One refund request against a payment, optionally for one seller order. */
export default class PaymentRefund extends PaymentRefundSchema {
  @belongsTo(() => Payment)
  declare payment: BelongsTo<typeof Payment>

  @belongsTo(() => SellerOrder)
  declare sellerOrder: BelongsTo<typeof SellerOrder>
}
