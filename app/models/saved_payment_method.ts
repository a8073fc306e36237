import { SavedPaymentMethodSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/** A customer's payment method kept at the provider for one-click payments. */
export default class SavedPaymentMethod extends SavedPaymentMethodSchema {
  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
