import { BaseTransformer } from '@adonisjs/core/transformers'
import type { CartSummary } from '#services/cart/cart_summary'
import type { QuoteResult } from '#shipping/types'

/** A shipping quote in the Store API: the fee and why, or why not. */
export function shippingJson(result: QuoteResult) {
  return result.deliverable
    ? { deliverable: true, amount: result.amount, breakdown: result.breakdown }
    : { deliverable: false, amount: null, reason: result.reason, message: result.message }
}

/**
 * A priced cart in the Store API: lines grouped by seller with each seller's
 * subtotal and shipping, and the totals. Money is integer minor units of
 * `totals.currency`.
 */
export default class CartTransformer extends BaseTransformer<CartSummary> {
  toObject() {
    const cart = this.resource
    return {
      id: cart.cartId,
      destination: { country: cart.destination.country, postalCode: cart.destination.postalCode },
      sellers: cart.sellers.map((group) => ({
        sellerId: group.sellerId,
        sellerName: group.sellerName,
        items: group.items.map((line) => ({
          id: line.id,
          variantId: line.variantId,
          productId: line.productId,
          productSlug: line.productSlug,
          title: line.title,
          variantLabel: line.variantLabel,
          sku: line.sku,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
          lineTotal: line.lineTotal,
          stock: line.stock,
          problem: line.problem,
        })),
        subtotal: group.subtotal,
        shipping: shippingJson(group.shipping.result),
      })),
      totals: {
        subtotal: cart.totals.subtotal,
        shipping: cart.totals.shipping,
        grandTotal: cart.totals.grandTotal,
        currency: cart.currency,
        itemCount: cart.totals.itemCount,
      },
      orderable: cart.orderable,
    }
  }
}
