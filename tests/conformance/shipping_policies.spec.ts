import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { FlatPolicy } from '#shipping/policies/flat_policy'
import { FreeOverPolicy } from '#shipping/policies/free_over_policy'
import { InternationalZonesPolicy } from '#shipping/policies/international_zones_policy'
import { PerItemPolicy } from '#shipping/policies/per_item_policy'
import { RemoteAreaPolicy } from '#shipping/policies/remote_area_policy'
import { TieredPolicy } from '#shipping/policies/tiered_policy'
import { WeightBandsPolicy } from '#shipping/policies/weight_bands_policy'
import { money } from '#shipping/option_schemas'
import { quoteFrom } from '#shipping/quotes'
import type {
  Destination,
  OptionField,
  Parcel,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'
import { abroad, korea, parcelOf } from '#tests/unit/shipping_fixtures'
import { shippingPolicySuite } from './shipping_policy_suite.js'

shippingPolicySuite({
  test,
  policy: new FlatPolicy(),
  validOptions: [{ amount: 0 }, { amount: '2500' }],
  invalidOptions: [
    { input: {}, field: 'amount' },
    { input: { amount: -1 }, field: 'amount' },
    { input: { amount: 99.5 }, field: 'amount' },
  ],
  samples: [
    { parcel: parcelOf(12_345), destination: korea(), options: { amount: 3000 }, amount: 3000 },
  ],
})

shippingPolicySuite({
  test,
  policy: new FreeOverPolicy(),
  validOptions: [
    { amount: 2500, threshold: 30_000 },
    { amount: '3000', threshold: '0' },
  ],
  invalidOptions: [
    { input: { amount: 3000 }, field: 'threshold' },
    { input: { amount: 3000, threshold: 'lots' }, field: 'threshold' },
  ],
  samples: [
    {
      parcel: parcelOf(49_999),
      destination: korea(),
      options: { amount: 3000, threshold: 50_000 },
      amount: 3000,
    },
    {
      parcel: parcelOf(50_000),
      destination: korea(),
      options: { amount: 3000, threshold: 50_000 },
      amount: 0,
    },
  ],
})

shippingPolicySuite({
  test,
  policy: new TieredPolicy(),
  validOptions: [
    { tiers: [{ minSubtotal: 0, amount: 4000 }] },
    {
      tiers: [
        { minSubtotal: 50_000, amount: 0 },
        { minSubtotal: '0', amount: '3000' },
      ],
    },
  ],
  invalidOptions: [
    { input: { tiers: [] }, field: 'tiers' },
    { input: { tiers: [{ minSubtotal: 10_000, amount: 3000 }] }, field: 'tiers' },
    {
      input: {
        tiers: [
          { minSubtotal: 0, amount: 1 },
          { minSubtotal: 0, amount: 2 },
        ],
      },
      field: 'tiers',
    },
    { input: { tiers: [{ minSubtotal: 0, amount: -5 }] }, field: 'tiers.0.amount' },
  ],
  samples: [
    {
      parcel: parcelOf(30_000),
      destination: korea(),
      options: {
        tiers: [
          { minSubtotal: 0, amount: 3500 },
          { minSubtotal: 30_000, amount: 2500 },
        ],
      },
      amount: 2500,
    },
  ],
})

shippingPolicySuite({
  test,
  policy: new PerItemPolicy(),
  validOptions: [{ amount: 1000, cap: 3000 }, { amount: 700 }, { amount: 0, cap: null }],
  invalidOptions: [
    { input: { cap: 3000 }, field: 'amount' },
    { input: { amount: 1000, cap: -1 }, field: 'cap' },
  ],
  samples: [
    {
      parcel: parcelOf(9999, 100, 3),
      destination: korea(),
      options: { amount: 1000, cap: 2500 },
      amount: 2500,
    },
    {
      parcel: parcelOf(9999, 100, 2),
      destination: korea(),
      options: { amount: 1000, cap: 2500 },
      amount: 2000,
    },
  ],
})

const bands = [
  { upToGrams: 1000, amount: 3000 },
  { upToGrams: 5000, amount: 5000 },
]

shippingPolicySuite({
  test,
  policy: new WeightBandsPolicy(),
  validOptions: [
    { bands },
    { bands: [...bands].reverse() },
    { bands: [{ upToGrams: '31000', amount: '0' }] },
  ],
  invalidOptions: [
    { input: { bands: [] }, field: 'bands' },
    { input: { bands: [...bands, { upToGrams: 1000, amount: 1 }] }, field: 'bands' },
    { input: { bands: [{ upToGrams: 0, amount: 3000 }] }, field: 'bands.0.upToGrams' },
    { input: { bands: [bands[0], { upToGrams: 2.5, amount: 3000 }] }, field: 'bands.1.upToGrams' },
  ],
  samples: [
    { parcel: parcelOf(1000, 1000), destination: korea(), options: { bands }, amount: 3000 },
  ],
  notDeliverable: [
    { parcel: parcelOf(1000, 5001), destination: korea(), options: { bands }, reason: 'too_heavy' },
  ],
})

const remoteDefaults = { jejuAmount: 3000, islandAmount: 5000, extraRanges: [] }

shippingPolicySuite({
  test,
  policy: new RemoteAreaPolicy(),
  validOptions: [
    { jejuAmount: 4000, islandAmount: 6000, extraRanges: [{ from: '06000', to: '06300' }] },
    { jejuAmount: 0, islandAmount: 0, extraRanges: [{ from: ' 12345 ', to: '12345' }] },
  ],
  invalidOptions: [
    { input: { ...remoteDefaults, jejuAmount: -3000 }, field: 'jejuAmount' },
    {
      input: { ...remoteDefaults, extraRanges: [{ from: '1234', to: '12345' }] },
      field: 'extraRanges.0.from',
    },
    {
      input: { ...remoteDefaults, extraRanges: [{ from: '12350', to: '12345' }] },
      field: 'extraRanges.0',
    },
  ],
  samples: [
    { parcel: parcelOf(1000), destination: korea('63100'), options: remoteDefaults, amount: 3000 },
    { parcel: parcelOf(1000), destination: korea('58810'), options: remoteDefaults, amount: 5000 },
    { parcel: parcelOf(1000), destination: korea('06236'), options: remoteDefaults, amount: 0 },
    { parcel: parcelOf(1000), destination: abroad('US'), options: remoteDefaults, amount: 0 },
  ],
})

const zones = {
  zones: [
    { name: 'Asia', countries: ['JP', 'CN'], bands: [{ upToGrams: 2000, amount: 25_000 }] },
    { name: 'Americas', countries: ['US'], bands: [{ upToGrams: 2000, amount: 40_000 }] },
  ],
  excludedCountries: ['CN'],
}

shippingPolicySuite({
  test,
  policy: new InternationalZonesPolicy({ homeCountry: 'KR' }),
  validOptions: [
    zones,
    { zones: [{ name: 'World', countries: ['us', 'de'], bands }], excludedCountries: [] },
  ],
  invalidOptions: [
    { input: { ...zones, zones: [] }, field: 'zones' },
    { input: { ...zones, excludedCountries: ['XX'] }, field: 'excludedCountries.0' },
    { input: { ...zones, excludedCountries: ['USA'] }, field: 'excludedCountries.0' },
    {
      input: { ...zones, zones: [zones.zones[0], { ...zones.zones[1], countries: ['US', 'JP'] }] },
      field: 'zones',
    },
    {
      input: { ...zones, zones: [{ ...zones.zones[0], countries: [] }] },
      field: 'zones.0.countries',
    },
  ],
  samples: [
    { parcel: parcelOf(10_000, 1500), destination: abroad('US'), options: zones, amount: 40_000 },
  ],
  notDeliverable: [
    {
      parcel: parcelOf(10_000),
      destination: abroad('CN'),
      options: zones,
      reason: 'country_excluded',
    },
    {
      parcel: parcelOf(10_000),
      destination: abroad('FR'),
      options: zones,
      reason: 'country_not_served',
    },
    {
      parcel: parcelOf(10_000, 2001),
      destination: abroad('JP'),
      options: zones,
      reason: 'too_heavy',
    },
    { parcel: parcelOf(10_000), destination: korea(), options: zones, reason: 'not_international' },
  ],
})

/*
 * How a plugin author writes and checks a policy: a schema, a pure quote in
 * whole minor units, and the same suite as the built-ins. This one charges a
 * base fee plus insurance at a rate in basis points, rounded up to a whole
 * unit, so odd subtotals exercise the rounding. The shop enables it with
 * `insured: () => new InsuredPolicy()` in the policies of config/shipping.ts.
 */
const insuredSchema = vine.object({
  base: money(),
  rateBps: vine.number().withoutDecimals().min(0).max(10_000),
})
type InsuredOptions = Infer<typeof insuredSchema>

class InsuredPolicy implements ShippingPolicy<InsuredOptions> {
  readonly code = 'insured'
  readonly scopes: readonly ShippingScope[] = ['domestic']
  readonly label = { ko: '보험 배송', en: 'Insured shipping' }
  readonly schema = insuredSchema
  readonly fields: readonly OptionField[] = [
    { name: 'base', type: 'money', label: { ko: '기본 배송비', en: 'Base fee' } },
    { name: 'rateBps', type: 'integer', label: { ko: '보험료율 (bp)', en: 'Insurance rate (bp)' } },
  ]
  readonly defaults: InsuredOptions = { base: 3000, rateBps: 50 }

  quote(parcel: Parcel, _destination: Destination, options: InsuredOptions) {
    return quoteFrom(parcel.currency, [
      { code: 'base', label: 'Shipping', amount: options.base },
      {
        code: 'insurance',
        label: 'Insurance',
        amount: Math.ceil((parcel.subtotal * options.rateBps) / 10_000),
      },
    ])
  }
}

shippingPolicySuite({
  test,
  policy: new InsuredPolicy(),
  validOptions: [{ base: 0, rateBps: 333 }],
  invalidOptions: [{ input: { base: 3000, rateBps: 10_001 }, field: 'rateBps' }],
  samples: [
    {
      parcel: parcelOf(12_345),
      destination: korea(),
      options: { base: 3000, rateBps: 50 },
      amount: 3062,
    },
  ],
})
