import { CartSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import CartItem from '#models/cart_item'

/**
 * A shopping cart: a guest's (known only by its unguessable id) or a
 * signed-in customer's. Prices are never stored here; they are read from
 * the catalog whenever the cart is shown or checked out.
 */
export default class Cart extends CartSchema {
  static selfAssignPrimaryKey = true

  @hasMany(() => CartItem, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('cart_items.id')
    },
  })
  declare items: HasMany<typeof CartItem>
}
