import { PaymentRefundItemSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import OrderItem from '#models/order_item'

/** One ordered item (and how many of it) that a refund gives back. */
export default class PaymentRefundItem extends PaymentRefundItemSchema {
  @belongsTo(() => OrderItem)
  declare orderItem: BelongsTo<typeof OrderItem>
}
