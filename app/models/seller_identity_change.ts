import { SellerIdentityChangeSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Seller from '#models/seller'
import User from '#models/user'
import { IdentityChangeStatus } from '#lifecycles/identity_change_lifecycle'

/**
 * A seller's request to change its verified details (see
 * seller_identity_changes). Holds the complete proposed set; the account
 * number is encrypted, only its last four digits are readable.
 */
export default class SellerIdentityChange extends SellerIdentityChangeSchema {
  @belongsTo(() => Seller)
  declare seller: BelongsTo<typeof Seller>

  @belongsTo(() => User, { foreignKey: 'requestedById' })
  declare requestedBy: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'reviewedById' })
  declare reviewedBy: BelongsTo<typeof User>

  get isPending() {
    return this.status === IdentityChangeStatus.Pending
  }
}
