import { test } from '@japa/runner'
import { errors as vineErrors } from '@vinejs/vine'
import { defineConfig, type ShippingSelection } from '#shipping/define_config'
import {
  ShippingCurrencyMismatchError,
  ShippingScopeMismatchError,
  UnknownShippingPolicyError,
} from '#shipping/errors'
import { buildParcel } from '#shipping/parcel'
import { FreeOverPolicy } from '#shipping/policies/free_over_policy'
import { InternationalZonesPolicy } from '#shipping/policies/international_zones_policy'
import { RemoteAreaPolicy } from '#shipping/policies/remote_area_policy'
import { WeightBandsPolicy } from '#shipping/policies/weight_bands_policy'
import { ShippingRegistry } from '#shipping/shipping_registry'
import { abroad, korea, parcelOf } from '#tests/unit/shipping_fixtures'

function registry() {
  return new ShippingRegistry(
    defineConfig({
      homeCountry: 'KR',
      currency: 'KRW',
      policies: {
        free_over: () => new FreeOverPolicy(),
        weight_bands: () => new WeightBandsPolicy(),
        remote_area: () => new RemoteAreaPolicy(),
        international_zones: ({ homeCountry }) => new InternationalZonesPolicy({ homeCountry }),
      },
      defaults: {
        domestic: { code: 'free_over', options: { amount: 3000, threshold: 50_000 } },
        surcharge: { code: 'remote_area' },
        international: null,
      },
    })
  )
}

const seller: ShippingSelection = {
  domestic: { code: 'free_over', options: { amount: 3000, threshold: 50_000 } },
  surcharge: {
    code: 'remote_area',
    options: { jejuAmount: 3000, islandAmount: 5000, extraRanges: [] },
  },
  international: {
    code: 'international_zones',
    options: {
      zones: [{ name: 'US', countries: ['US'], bands: [{ upToGrams: 2000, amount: 40_000 }] }],
      excludedCountries: [],
    },
  },
}

test.group('Shipping | quoting a seller', () => {
  test('adds the Jeju surcharge to the domestic fee', ({ assert }) => {
    assert.deepEqual(registry().quoteSeller(seller, parcelOf(20_000), korea('63100')), {
      deliverable: true,
      amount: 6000,
      currency: 'KRW',
      breakdown: [
        { code: 'base', label: 'Shipping', amount: 3000 },
        { code: 'remote_area.jeju', label: 'Jeju surcharge', amount: 3000 },
      ],
    })
  })

  test('charges only the domestic fee on the mainland or without a surcharge policy', ({
    assert,
  }) => {
    assert.include(registry().quoteSeller(seller, parcelOf(20_000), korea('06236')), {
      amount: 3000,
    })
    const noSurcharge = { ...seller, surcharge: null }
    assert.include(registry().quoteSeller(noSurcharge, parcelOf(20_000), korea('63100')), {
      amount: 3000,
    })
  })

  test('refuses the whole parcel when the domestic policy refuses it', ({ assert }) => {
    const heavy = {
      ...seller,
      domestic: { code: 'weight_bands', options: { bands: [{ upToGrams: 1000, amount: 3000 }] } },
    }
    const result = registry().quoteSeller(heavy, parcelOf(1000, 1001), korea('63100'))
    assert.deepInclude(result, { deliverable: false, reason: 'too_heavy' })
  })

  test('prices a parcel abroad with the international policy only', ({ assert }) => {
    assert.deepEqual(registry().quoteSeller(seller, parcelOf(20_000, 1500), abroad('US')), {
      deliverable: true,
      amount: 40_000,
      currency: 'KRW',
      breakdown: [
        {
          code: 'international',
          label: 'International shipping (US)',
          amount: 40_000,
          params: { zone: 'US' },
        },
      ],
    })
  })

  test('does not ship abroad for a seller without an international policy', ({ assert }) => {
    const domesticOnly = { ...seller, international: null }
    const result = registry().quoteSeller(domesticOnly, parcelOf(20_000), abroad('US'))
    assert.deepInclude(result, { deliverable: false, reason: 'country_not_served' })
  })

  test('refuses a parcel in another currency than the options', ({ assert }) => {
    const parcel = { ...parcelOf(20_000), currency: 'USD' }
    assert.throws(() => registry().quoteSeller(seller, parcel, korea()), /KRW/)
    assert.throws(
      () => registry().quoteSeller(seller, parcel, korea()),
      ShippingCurrencyMismatchError
    )
  })

  test('refuses a policy used outside its scope', ({ assert }) => {
    const misused = { ...seller, domestic: seller.surcharge! }
    assert.throws(
      () => registry().quoteSeller(misused, parcelOf(20_000), korea()),
      ShippingScopeMismatchError
    )
  })
})

test.group('Shipping | registry', () => {
  test('says where to register an unknown policy', ({ assert }) => {
    assert.throws(
      () => registry().get('same_day'),
      'Unknown shipping policy "same_day". Register it in config/shipping.ts'
    )
    assert.throws(() => registry().get('constructor'), UnknownShippingPolicyError)
    assert.equal(new UnknownShippingPolicyError('x').code, 'E_UNKNOWN_SHIPPING_POLICY')
  })

  test('builds each policy once', ({ assert }) => {
    const shipping = registry()
    assert.strictEqual(shipping.get('free_over'), shipping.get('free_over'))
  })

  test('lists the policies a seller may pick for each scope', ({ assert }) => {
    const codes = (scope: 'domestic' | 'surcharge' | 'international') =>
      registry()
        .list(scope)
        .map((policy) => policy.code)
    assert.deepEqual(codes('domestic'), ['free_over', 'weight_bands'])
    assert.deepEqual(codes('surcharge'), ['remote_area'])
    assert.deepEqual(codes('international'), ['international_zones'])
  })

  test('returns validated options and field errors', async ({ assert }) => {
    const shipping = registry()
    const options = await shipping.validateOptions('free_over', 'domestic', {
      amount: '2500',
      threshold: '30000',
    })
    assert.deepEqual(options, { amount: 2500, threshold: 30_000 })
    try {
      await shipping.validateOptions('free_over', 'domestic', { amount: -1, threshold: 0 })
      assert.fail('accepted a negative fee')
    } catch (error) {
      assert.instanceOf(error, vineErrors.E_VALIDATION_ERROR)
      assert.equal((error as { messages: { field: string }[] }).messages[0].field, 'amount')
    }
    await assert.rejects(
      () => shipping.validateOptions('remote_area', 'domestic', {}),
      /cannot be used for domestic shipping/
    )
  })

  test('fills and validates the defaults new sellers start with', async ({ assert }) => {
    const shipping = registry()
    assert.deepEqual(shipping.defaults.surcharge, {
      code: 'remote_area',
      options: { jejuAmount: 3000, islandAmount: 5000, extraRanges: [] },
    })
    const validated = await shipping.validateDefaults()
    assert.deepEqual(validated.domestic.options, { amount: 3000, threshold: 50_000 })
    assert.isNull(validated.international)
    assert.strictEqual(shipping.defaults, validated)
  })
})

test.group('Shipping | parcels', () => {
  test('sums subtotal, weight and item count from the items', ({ assert }) => {
    const parcel = buildParcel({
      sellerId: 7,
      currency: 'KRW',
      items: [
        { variantId: 1, quantity: 2, unitPrice: 12_345, weightGrams: 333 },
        { variantId: 2, quantity: 1, unitPrice: 999, weightGrams: 0 },
      ],
    })
    assert.include(parcel, { sellerId: 7, subtotal: 25_689, weightGrams: 666, itemCount: 3 })
    assert.deepInclude(buildParcel({ sellerId: 7, currency: 'KRW', items: [] }), {
      subtotal: 0,
      weightGrams: 0,
      itemCount: 0,
    })
  })
})
