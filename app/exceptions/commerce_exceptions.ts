import { Exception } from '@adonisjs/core/exceptions'
import type { ApiError } from '#exceptions/handler'

/** A Store API error entry with extra machine-readable facts (variant, available stock …). */
export type DetailedApiError = ApiError & Record<string, string | number | null>

/**
 * Base of the cart and checkout errors: each renders as one or more entries
 * of the Store API's `{ errors: [...] }` shape.
 */
export abstract class CommerceException extends Exception {
  toApiErrors(): DetailedApiError[] {
    return [{ code: this.code ?? 'E_COMMERCE', message: this.message }]
  }
}

/** A line asks for more than is in stock (in the cart, or lost to another checkout). */
export interface StockShortage {
  variantId: number
  title: string
  requested: number
  available: number
}

/** Stock ran out: 409, one entry per short variant. Nothing was written. */
export class OutOfStockException extends CommerceException {
  static status = 409
  static code = 'E_OUT_OF_STOCK'

  constructor(readonly shortages: StockShortage[]) {
    super(
      shortages
        .map(
          (item) =>
            `Only ${item.available} of "${item.title}" left (you asked for ${item.requested})`
        )
        .join('; ')
    )
  }

  toApiErrors(): DetailedApiError[] {
    return this.shortages.map((item) => ({
      code: 'E_OUT_OF_STOCK',
      message: `Only ${item.available} of "${item.title}" left`,
      variantId: item.variantId,
      requested: item.requested,
      available: item.available,
    }))
  }
}

/** Checkout of a cart with nothing in it. */
export class CartEmptyException extends CommerceException {
  static status = 422
  static code = 'E_CART_EMPTY'
  static message = 'The cart is empty'
}

/** The cart changed (or was checked out) while this checkout was running. */
export class CartChangedException extends CommerceException {
  static status = 409
  static code = 'E_CART_CHANGED'
  static message = 'The cart changed during checkout; review it and try again'
}

/** A product in the cart is no longer for sale (unpublished, seller suspended, deleted). */
export class ItemUnavailableException extends CommerceException {
  static status = 422
  static code = 'E_ITEM_UNAVAILABLE'
}

/** A seller cannot ship the order to the given address. */
export class NotDeliverableException extends CommerceException {
  static status = 422
  static code = 'E_NOT_DELIVERABLE'

  constructor(
    readonly sellers: { sellerId: number; sellerName: string; reason: string; message: string }[]
  ) {
    super(sellers.map((seller) => `${seller.sellerName}: ${seller.message}`).join('; '))
  }

  toApiErrors(): DetailedApiError[] {
    return this.sellers.map((seller) => ({
      field: 'shippingAddress.country',
      code: 'E_NOT_DELIVERABLE',
      message: `${seller.sellerName}: ${seller.message}`,
      sellerId: seller.sellerId,
      reason: seller.reason,
    }))
  }
}
