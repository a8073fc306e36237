import { OrderItemSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Product from '#models/product'

/**
 * A bought line, snapshotted at checkout: title, variant, SKU and unit price
 * as they were, whatever the catalog says later.
 */
export default class OrderItem extends OrderItemSchema {
  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>
}
