import type { Parcel, ParcelItem } from '#shipping/types'

/**
 * One seller's share of an order as a Parcel, with its totals computed from
 * the items so a policy never sees a subtotal that disagrees with them. Unit
 * prices are the server's prices after discounts.
 */
export function buildParcel(input: {
  sellerId: number
  currency: string
  items: ParcelItem[]
}): Parcel {
  const total = (value: (item: ParcelItem) => number) =>
    input.items.reduce((sum, item) => sum + value(item), 0)
  return {
    sellerId: input.sellerId,
    currency: input.currency,
    items: input.items.map((item) => ({ ...item })),
    subtotal: total((item) => item.unitPrice * item.quantity),
    weightGrams: total((item) => item.weightGrams * item.quantity),
    itemCount: total((item) => item.quantity),
  }
}
