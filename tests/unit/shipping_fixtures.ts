import { buildParcel } from '#shipping/parcel'
import type { Destination, Parcel } from '#shipping/types'

/** A one-line KRW parcel: `quantity` items at `unitPrice`, each weighing `weightGrams`. */
export function parcelOf(unitPrice: number, weightGrams = 500, quantity = 1): Parcel {
  return buildParcel({
    sellerId: 1,
    currency: 'KRW',
    items: [{ variantId: 1, quantity, unitPrice, weightGrams }],
  })
}

/** A Korean address with the given postal code. */
export const korea = (postalCode = '06236'): Destination => ({ country: 'KR', postalCode })

/** An address abroad. */
export const abroad = (country: string, postalCode = '10001'): Destination => ({
  country,
  postalCode,
})
