import { SellerMemberSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Seller from '#models/seller'
import User from '#models/user'

/**
 * Links a user to the seller they work for (owner or manager).
 */
export default class SellerMember extends SellerMemberSchema {
  @belongsTo(() => Seller)
  declare seller: BelongsTo<typeof Seller>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
