import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { UserSchema } from '#database/schema'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { beforeCreate, column, hasMany, hasOne } from '@adonisjs/lucid/orm'
import type { HasMany, HasOne } from '@adonisjs/lucid/types/relations'
import Address from '#models/address'
import SellerMember from '#models/seller_member'
import { UserRole } from '#models/user_role'

/**
 * A person with an account: customer, seller member, staff or admin.
 * Passwords are hashed by the framework's hasher (scrypt) on save.
 */
export default class User extends compose(UserSchema, withAuthFinder(hash)) {
  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: '30 days',
    prefix: 'jt_',
  })

  /** An admin's grant to a staff member to move money (see the moveMoney ability). */
  // SQLite returns booleans as 0/1.
  @column({ consume: (value: unknown) => Boolean(value) })
  declare canMoveMoney: boolean

  @hasMany(() => Address)
  declare addresses: HasMany<typeof Address>

  @hasOne(() => SellerMember)
  declare membership: HasOne<typeof SellerMember>

  /**
   * The columns' database defaults, on the new instance too: a session signs
   * in with the session version, so it must be known right after sign-up.
   */
  @beforeCreate()
  static applyDefaults(user: User) {
    user.sessionVersion ??= 0
    user.canMoveMoney ??= false
  }

  get isAdmin() {
    return this.role === UserRole.Admin
  }

  /** Staff and admins run the marketplace: reviews, categories. */
  get isOperator() {
    return this.role === UserRole.Admin || this.role === UserRole.Staff
  }
}
