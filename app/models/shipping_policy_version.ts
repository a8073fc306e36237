import { ShippingPolicySchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Seller from '#models/seller'
import User from '#models/user'
import { jsonColumn } from '#models/json_column'

/**
 * One version of a seller's shipping policy for one scope: which policy
 * (`code`, null when not offered) and the seller's options for it. Versions
 * are never edited; orders point at the one they were quoted with.
 */
export default class ShippingPolicyVersion extends ShippingPolicySchema {
  static table = 'shipping_policies'

  @jsonColumn<Record<string, unknown>>()
  declare options: Record<string, unknown>

  @column({ consume: (value) => Boolean(value) })
  declare isCurrent: boolean

  @belongsTo(() => Seller)
  declare seller: BelongsTo<typeof Seller>

  @belongsTo(() => User, { foreignKey: 'createdById' })
  declare createdBy: BelongsTo<typeof User>

  /** The versions in force. */
  static current = scope((query) => {
    query.where('shipping_policies.is_current', true)
  })
}
