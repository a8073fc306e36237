import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import config from '@adonisjs/core/services/config'
import Cart from '#models/cart'
import CartItem from '#models/cart_item'
import ProductVariant from '#models/product_variant'
import type User from '#models/user'
import { ItemUnavailableException, OutOfStockException } from '#exceptions/commerce_exceptions'
import { failValidation, isUniqueViolation } from '#services/validation'
import { sqlTimestamp } from '#services/sql_time'

interface CartLimits {
  maxQuantityPerLine: number
  maxLines: number
}

/**
 * Carts: create, add/update/remove lines, merge a guest's cart into the
 * customer's at login. Every change checks the variant is for sale, the
 * quantity limits and the stock, and bumps the cart's version.
 */
export class CartService {
  #limits = config.get<CartLimits>('store.cart')

  /** A new, empty guest cart with an unguessable id. */
  async create(): Promise<Cart> {
    return Cart.create({ id: randomUUID(), userId: null, version: 0 })
  }

  async find(id: string): Promise<Cart | null> {
    return Cart.find(id)
  }

  /** The signed-in customer's cart, created on first use (a race creates it once). */
  async forUser(user: User): Promise<Cart> {
    const existing = await Cart.findBy('userId', user.id)
    if (existing) return existing
    try {
      return await Cart.create({ id: randomUUID(), userId: user.id, version: 0 })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      return Cart.findByOrFail('userId', user.id)
    }
  }

  /** Adds `quantity` of a variant (to the line if it is already there). */
  async addItem(cart: Cart, variantId: number, quantity: number): Promise<CartItem> {
    return db.transaction(async (trx) => {
      const variant = await this.#purchasable(variantId, trx)
      const line = await CartItem.query({ client: trx })
        .where({ cartId: cart.id, variantId })
        .first()
      if (!line) await this.#checkLineCount(cart, trx)
      const wanted = (line?.quantity ?? 0) + quantity
      this.#checkQuantity(variant, wanted)

      let item: CartItem
      if (line) {
        line.quantity = wanted
        item = await line.useTransaction(trx).save()
      } else {
        item = await CartItem.create({ cartId: cart.id, variantId, quantity }, { client: trx })
      }
      await this.#touch(cart, trx)
      return item
    })
  }

  /** Sets a line's quantity; 0 removes the line. */
  async setQuantity(cart: Cart, itemId: number, quantity: number): Promise<CartItem | null> {
    if (quantity === 0) {
      await this.removeItem(cart, itemId)
      return null
    }
    return db.transaction(async (trx) => {
      const line = await this.#line(cart, itemId, trx)
      const variant = await this.#purchasable(line.variantId, trx)
      this.#checkQuantity(variant, quantity)
      line.quantity = quantity
      await line.useTransaction(trx).save()
      await this.#touch(cart, trx)
      return line
    })
  }

  async removeItem(cart: Cart, itemId: number): Promise<void> {
    await db.transaction(async (trx) => {
      const line = await this.#line(cart, itemId, trx)
      await line.useTransaction(trx).delete()
      await this.#touch(cart, trx)
    })
  }

  /**
   * Moves a guest cart's lines into the customer's cart at login. Quantities
   * of the same variant add up, capped by the limits and the stock; lines
   * that are no longer for sale are dropped. The guest cart is deleted.
   */
  async merge(guest: Cart, user: User): Promise<Cart> {
    const target = await this.forUser(user)
    if (guest.id === target.id) return target
    await db.transaction(async (trx) => {
      const incoming = await CartItem.query({ client: trx }).where('cartId', guest.id)
      const existing = await CartItem.query({ client: trx }).where('cartId', target.id)
      const byVariant = new Map(existing.map((line) => [line.variantId, line]))
      const variants = await this.#purchasableMany(
        incoming.map((line) => line.variantId),
        trx
      )
      let lines = existing.length
      for (const line of incoming) {
        const variant = variants.get(line.variantId)
        if (!variant || variant.stock === 0) continue
        const current = byVariant.get(line.variantId)
        if (!current && lines >= this.#limits.maxLines) continue
        const quantity = Math.min(
          (current?.quantity ?? 0) + line.quantity,
          this.#limits.maxQuantityPerLine,
          variant.stock
        )
        if (current) {
          current.quantity = quantity
          await current.useTransaction(trx).save()
        } else {
          await CartItem.create(
            { cartId: target.id, variantId: line.variantId, quantity },
            { client: trx }
          )
          lines++
        }
      }
      await Cart.query({ client: trx }).where('id', guest.id).delete()
      await this.#touch(target, trx)
    })
    return target
  }

  /** A variant of a published product of an approved seller, or ItemUnavailableException. */
  async #purchasable(variantId: number, trx: TransactionClientContract): Promise<ProductVariant> {
    const found = await this.#purchasableMany([variantId], trx)
    const variant = found.get(variantId)
    if (!variant) {
      throw new ItemUnavailableException('This item is not for sale', { status: 422 })
    }
    return variant
  }

  async #purchasableMany(ids: number[], trx: TransactionClientContract) {
    if (!ids.length) return new Map<number, ProductVariant>()
    const variants = await ProductVariant.query({ client: trx })
      .whereIn('product_variants.id', ids)
      .whereHas('product', (products) => products.withScopes((scopes) => scopes.visible()))
      .preload('product')
    return new Map(variants.map((variant) => [variant.id, variant]))
  }

  #checkQuantity(variant: ProductVariant, quantity: number) {
    const max = this.#limits.maxQuantityPerLine
    if (quantity > max) {
      failValidation('quantity', `At most ${max} of one item per order`, 'cartQuantityLimit', {
        max,
      })
    }
    if (quantity > variant.stock) {
      throw new OutOfStockException([
        {
          variantId: variant.id,
          title: variant.product.title,
          requested: quantity,
          available: variant.stock,
        },
      ])
    }
  }

  async #checkLineCount(cart: Cart, trx: TransactionClientContract) {
    const max = this.#limits.maxLines
    const [{ total }] = await db
      .from('cart_items')
      .useTransaction(trx)
      .where('cart_id', cart.id)
      .count('* as total')
    if (Number(total) >= max) {
      failValidation('variantId', `A cart holds at most ${max} different items`, 'cartLineLimit', {
        max,
      })
    }
  }

  async #line(cart: Cart, itemId: number, trx: TransactionClientContract): Promise<CartItem> {
    return CartItem.query({ client: trx }).where({ id: itemId, cartId: cart.id }).firstOrFail()
  }

  /** Every change bumps the version a running checkout compares against. */
  async #touch(cart: Cart, trx: TransactionClientContract) {
    await Cart.query({ client: trx })
      .where('id', cart.id)
      .update({ version: db.raw('version + 1'), updated_at: sqlTimestamp(trx) })
  }
}
