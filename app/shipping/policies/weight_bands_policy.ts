import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { weightBands } from '#shipping/option_schemas'
import { bandFor, heaviestBand, notDeliverable, quoteFrom } from '#shipping/quotes'
import type {
  Destination,
  OptionField,
  Parcel,
  QuoteResult,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'

const schema = vine.object({ bands: weightBands() })

export type WeightBandsOptions = Infer<typeof schema>

/**
 * A fee by parcel weight (무게별 배송비): the lightest band the parcel fits,
 * edges included. Heavier than the last band is not deliverable.
 */
export class WeightBandsPolicy implements ShippingPolicy<WeightBandsOptions> {
  readonly code = 'weight_bands'
  readonly scopes: readonly ShippingScope[] = ['domestic']
  readonly label = { ko: '무게별 배송비', en: 'By weight' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    { name: 'bands', type: 'weight_bands', label: { ko: '무게 구간', en: 'Weight bands' } },
  ]
  readonly defaults: WeightBandsOptions = {
    bands: [
      { upToGrams: 2000, amount: 3000 },
      { upToGrams: 5000, amount: 4000 },
      { upToGrams: 10_000, amount: 5000 },
      { upToGrams: 20_000, amount: 7000 },
      { upToGrams: 30_000, amount: 9000 },
    ],
  }

  quote(parcel: Parcel, _destination: Destination, options: WeightBandsOptions): QuoteResult {
    const band = bandFor(options.bands, parcel.weightGrams)
    if (!band) {
      const limit = heaviestBand(options.bands)
      return notDeliverable(
        'too_heavy',
        `The parcel weighs over ${limit} g, the most this seller ships`
      )
    }
    return quoteFrom(parcel.currency, [
      {
        code: 'weight_band',
        label: `Shipping up to ${band.upToGrams} g`,
        amount: band.amount,
        params: { upToGrams: band.upToGrams },
      },
    ])
  }
}
