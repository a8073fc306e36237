import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { EMS_LIKE_ZONES } from '#shipping/ems_zones'
import { countries, shippingZones } from '#shipping/option_schemas'
import { bandFor, heaviestBand, notDeliverable, quoteFrom } from '#shipping/quotes'
import type {
  Destination,
  OptionField,
  Parcel,
  QuoteResult,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'

const schema = vine.object({ zones: shippingZones(), excludedCountries: countries() })

export type InternationalZonesOptions = Infer<typeof schema>

/**
 * Shipping abroad by country zone and weight (EMS-style rate cards). The
 * seller's excluded countries win over zones; the home country is never
 * served here, its parcels take the domestic policy.
 */
export class InternationalZonesPolicy implements ShippingPolicy<InternationalZonesOptions> {
  readonly code = 'international_zones'
  readonly scopes: readonly ShippingScope[] = ['international']
  readonly label = { ko: '해외 배송 (국가 그룹·무게별)', en: 'International by zone and weight' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    {
      name: 'zones',
      type: 'rows',
      label: { ko: '배송 지역', en: 'Zones' },
      columns: [
        { name: 'name', type: 'text', label: { ko: '지역 이름', en: 'Name' } },
        { name: 'countries', type: 'countries', label: { ko: '국가', en: 'Countries' } },
        { name: 'bands', type: 'weight_bands', label: { ko: '무게 구간', en: 'Weight bands' } },
      ],
    },
    {
      name: 'excludedCountries',
      type: 'countries',
      label: { ko: '배송 불가 국가', en: 'Countries you do not ship to' },
    },
  ]
  readonly defaults: InternationalZonesOptions = { zones: EMS_LIKE_ZONES, excludedCountries: [] }
  readonly #homeCountry: string

  constructor(options: { homeCountry: string }) {
    this.#homeCountry = options.homeCountry
  }

  quote(parcel: Parcel, destination: Destination, options: InternationalZonesOptions): QuoteResult {
    const country = destination.country
    if (country === this.#homeCountry) {
      return notDeliverable('not_international', `${country} is served by domestic shipping`)
    }
    if (options.excludedCountries.includes(country)) {
      return notDeliverable('country_excluded', `This seller does not ship to ${country}`)
    }
    const zone = options.zones.find((entry) => entry.countries.includes(country))
    if (!zone) {
      return notDeliverable('country_not_served', `This seller does not ship to ${country}`)
    }
    const band = bandFor(zone.bands, parcel.weightGrams)
    if (!band) {
      const limit = heaviestBand(zone.bands)
      return notDeliverable('too_heavy', `Parcels to ${country} may weigh up to ${limit} g`)
    }
    return quoteFrom(parcel.currency, [
      {
        code: 'international',
        label: `International shipping (${zone.name})`,
        amount: band.amount,
        params: { zone: zone.name },
      },
    ])
  }
}
