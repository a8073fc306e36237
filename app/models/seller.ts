import { SellerSchema } from '#database/schema'
import { hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import SellerMember from '#models/seller_member'
import Product from '#models/product'
import { SellerStatus } from '#lifecycles/seller_lifecycle'

/**
 * A shop on the marketplace (입점사). Its bank account number is stored
 * encrypted; only the last four digits are readable without the app key.
 */
export default class Seller extends SellerSchema {
  @hasMany(() => SellerMember)
  declare members: HasMany<typeof SellerMember>

  @hasMany(() => Product)
  declare products: HasMany<typeof Product>

  get isApproved() {
    return this.status === SellerStatus.Approved
  }

  /** Sellers customers may see. */
  static approved = scope((query) => {
    query.where('sellers.status', SellerStatus.Approved)
  })
}
