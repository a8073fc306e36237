import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { InternationalZonesPolicy } from '#shipping/policies/international_zones_policy'
import { abroad, korea, parcelOf } from '#tests/unit/shipping_fixtures'

const policy = new InternationalZonesPolicy({ homeCountry: 'KR' })
const options = {
  zones: [
    {
      name: 'North America',
      countries: ['US', 'CA'],
      bands: [
        { upToGrams: 2000, amount: 55_000 },
        { upToGrams: 500, amount: 34_000 },
      ],
    },
  ],
  excludedCountries: ['CA'],
}

test.group('Shipping | international by zone and weight', () => {
  test('prices by the zone of the country and the weight band', ({ assert }) => {
    assert.deepEqual(policy.quote(parcelOf(10_000, 500), abroad('US'), options), {
      deliverable: true,
      amount: 34_000,
      currency: 'KRW',
      breakdown: [
        {
          code: 'international',
          label: 'International shipping (North America)',
          amount: 34_000,
          params: { zone: 'North America' },
        },
      ],
    })
    assert.include(policy.quote(parcelOf(10_000, 501), abroad('US'), options), { amount: 55_000 })
  })

  test('refuses a country the seller excludes, even inside a zone', ({ assert }) => {
    const result = policy.quote(parcelOf(10_000), abroad('CA'), options)
    assert.deepInclude(result, { deliverable: false, reason: 'country_excluded' })
  })

  test('refuses a country in no zone', ({ assert }) => {
    const result = policy.quote(parcelOf(10_000), abroad('FR'), options)
    assert.deepInclude(result, { deliverable: false, reason: 'country_not_served' })
  })

  test('refuses a parcel heavier than the zone ships', ({ assert }) => {
    const result = policy.quote(parcelOf(10_000, 1001, 2), abroad('US'), options)
    assert.deepInclude(result, { deliverable: false, reason: 'too_heavy' })
  })

  test('leaves the home country to the domestic policy', ({ assert }) => {
    const result = policy.quote(parcelOf(10_000), korea(), options)
    assert.deepInclude(result, { deliverable: false, reason: 'not_international' })
  })

  test('stores countries upper case and refuses codes that are not countries', async ({
    assert,
  }) => {
    const validator = vine.create(policy.schema)
    const valid = await validator.validate({ ...options, excludedCountries: [' gb '] })
    assert.deepEqual(valid.excludedCountries, ['GB'])
    for (const code of ['XX', 'EU', 'UK', 'KOR']) {
      await assert.rejects(() => validator.validate({ ...options, excludedCountries: [code] }))
    }
  })

  test('ships its EMS-like default zones to the usual destinations', ({ assert }) => {
    for (const country of ['JP', 'CN', 'US', 'DE', 'AU']) {
      const result = policy.quote(parcelOf(10_000, 1000), abroad(country), policy.defaults)
      assert.isTrue(result.deliverable, country)
    }
  })
})
