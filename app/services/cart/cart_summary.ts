import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import CartItem from '#models/cart_item'
import type Media from '#models/media'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import type { ShippingQuoter, SellerQuote } from '#services/shipping/shipping_quoter'
import type { Destination, Parcel } from '#shipping/types'

/** One cart line priced from the catalog now. `problem` says why it cannot be ordered as is. */
export interface PricedLine {
  id: number
  variantId: number
  productId: number
  productSlug: string
  title: string
  titleEn: string | null
  variantLabel: string
  sku: string
  unitPrice: number
  quantity: number
  lineTotal: number
  stock: number
  weightGrams: number
  cover: Media | null
  problem: null | 'unavailable' | 'out_of_stock'
}

/** One seller's lines, subtotal and shipping quote (묶음배송). */
export interface SellerGroup {
  sellerId: number
  sellerName: string
  sellerSlug: string
  items: PricedLine[]
  subtotal: number
  parcel: Parcel
  shipping: SellerQuote
}

/** A cart priced on the server for one destination. */
export interface CartSummary {
  cartId: string
  version: number
  currency: string
  destination: Destination
  sellers: SellerGroup[]
  totals: { subtotal: number; shipping: number; grandTotal: number; itemCount: number }
  /** Whether every line can be ordered and every seller delivers to the destination. */
  orderable: boolean
}

/**
 * Prices a cart for a destination: current prices and stock from the
 * catalog, lines grouped by seller, each seller's parcel quoted with the
 * seller's shipping policy. Nothing the client sent is trusted.
 */
export async function summarizeCart(
  cart: { id: string; version: number },
  destination: Destination,
  quoter: ShippingQuoter,
  options: { currency: string; client?: QueryClientContract; covers?: boolean }
): Promise<CartSummary> {
  const items = await CartItem.query({ client: options.client })
    .where('cartId', cart.id)
    .orderBy('id')
    .preload('variant', (variants) =>
      variants.preload('product', (products) => {
        products.preload('seller')
        // Only the cart page shows pictures; checkout and the API skip the query.
        if (options.covers) products.preload('coverMedia')
      })
    )

  const groups = new Map<number, PricedLine[]>()
  const sellers = new Map<number, { name: string; slug: string }>()
  for (const item of items) {
    const variant = item.variant
    const product = variant.product
    const forSale =
      product.status === ProductStatus.Published &&
      product.seller.isApproved &&
      product.currency === options.currency
    const line: PricedLine = {
      id: item.id,
      variantId: variant.id,
      productId: product.id,
      productSlug: product.slug,
      title: product.title,
      titleEn: product.titleEn,
      variantLabel: variant.label,
      sku: variant.sku,
      unitPrice: variant.price,
      quantity: item.quantity,
      lineTotal: variant.price * item.quantity,
      stock: variant.stock,
      weightGrams: variant.weightGrams ?? 0,
      cover: product.coverMedia ?? null,
      problem: !forSale ? 'unavailable' : item.quantity > variant.stock ? 'out_of_stock' : null,
    }
    sellers.set(product.sellerId, { name: product.seller.name, slug: product.seller.slug })
    groups.set(product.sellerId, [...(groups.get(product.sellerId) ?? []), line])
  }

  const policies = await quoter.policiesFor([...groups.keys()], options.client)
  const sellerGroups: SellerGroup[] = []
  for (const [sellerId, lines] of groups) {
    const parcel = parcelOf(sellerId, lines, options.currency)
    sellerGroups.push({
      sellerId,
      sellerName: sellers.get(sellerId)!.name,
      sellerSlug: sellers.get(sellerId)!.slug,
      items: lines,
      subtotal: parcel.subtotal,
      parcel,
      shipping: quoter.quote(policies.get(sellerId)!, parcel, destination),
    })
  }

  const subtotal = sellerGroups.reduce((sum, group) => sum + group.subtotal, 0)
  const shipping = sellerGroups.reduce(
    (sum, group) => sum + (group.shipping.result.deliverable ? group.shipping.result.amount : 0),
    0
  )
  return {
    cartId: cart.id,
    version: cart.version,
    currency: options.currency,
    destination,
    sellers: sellerGroups,
    totals: {
      subtotal,
      shipping,
      grandTotal: subtotal + shipping,
      itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    },
    orderable:
      items.length > 0 &&
      sellerGroups.every(
        (group) => group.shipping.result.deliverable && group.items.every((line) => !line.problem)
      ),
  }
}

/** The parcel a seller ships for these lines (orderable lines only). */
function parcelOf(sellerId: number, lines: PricedLine[], currency: string): Parcel {
  const counted = lines.filter((line) => line.problem !== 'unavailable')
  return {
    sellerId,
    currency,
    items: counted.map((line) => ({
      variantId: line.variantId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      weightGrams: line.weightGrams,
    })),
    subtotal: counted.reduce((sum, line) => sum + line.lineTotal, 0),
    weightGrams: counted.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0),
    itemCount: counted.reduce((sum, line) => sum + line.quantity, 0),
  }
}
