import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { FlatPolicy } from '#shipping/policies/flat_policy'
import { FreeOverPolicy } from '#shipping/policies/free_over_policy'
import { PerItemPolicy } from '#shipping/policies/per_item_policy'
import { TieredPolicy } from '#shipping/policies/tiered_policy'
import { WeightBandsPolicy } from '#shipping/policies/weight_bands_policy'
import { korea, parcelOf } from '#tests/unit/shipping_fixtures'

test.group('Shipping | flat and free over a threshold (조건부 무료배송)', () => {
  test('charges the flat fee whatever the parcel holds', ({ assert }) => {
    const policy = new FlatPolicy()
    assert.include(policy.quote(parcelOf(999_999, 40_000, 9), korea(), { amount: 3000 }), {
      amount: 3000,
    })
  })

  test('charges the fee one won under the threshold', ({ assert }) => {
    const result = new FreeOverPolicy().quote(parcelOf(49_999), korea(), {
      amount: 3000,
      threshold: 50_000,
    })
    assert.deepEqual(result, {
      deliverable: true,
      amount: 3000,
      currency: 'KRW',
      breakdown: [{ code: 'base', label: 'Shipping', amount: 3000 }],
    })
  })

  test('ships free at exactly the threshold and says why', ({ assert }) => {
    const result = new FreeOverPolicy().quote(parcelOf(25_000, 500, 2), korea(), {
      amount: 3000,
      threshold: 50_000,
    })
    assert.deepEqual(result.deliverable && result.breakdown, [
      { code: 'free_over_threshold', label: 'Free shipping over the order threshold', amount: 0 },
    ])
    assert.include(result, { amount: 0 })
  })
})

test.group('Shipping | tiered by order value', () => {
  const policy = new TieredPolicy()
  const tiers = [
    { minSubtotal: 70_000, amount: 0 },
    { minSubtotal: 0, amount: 3500 },
    { minSubtotal: 30_000, amount: 2500 },
  ]
  const amountAt = (subtotal: number) => {
    const result = policy.quote(parcelOf(subtotal), korea(), { tiers })
    return result.deliverable ? result.amount : null
  }

  test('applies a tier from its minimum up to the next tier, in any order', ({ assert }) => {
    assert.equal(amountAt(0), 3500)
    assert.equal(amountAt(29_999), 3500)
    assert.equal(amountAt(30_000), 2500)
    assert.equal(amountAt(69_999), 2500)
    assert.equal(amountAt(70_000), 0)
  })

  test('refuses tiers that leave small orders without a fee', async ({ assert }) => {
    const validator = vine.create(policy.schema)
    await assert.rejects(() => validator.validate({ tiers: [{ minSubtotal: 1, amount: 3000 }] }))
  })
})

test.group('Shipping | per item', () => {
  test('charges per item up to the cap', ({ assert }) => {
    const policy = new PerItemPolicy()
    const options = { amount: 1000, cap: 2500 }
    assert.include(policy.quote(parcelOf(1000, 0, 2), korea(), options), { amount: 2000 })
    assert.include(policy.quote(parcelOf(1000, 0, 3), korea(), options), { amount: 2500 })
    assert.include(policy.quote(parcelOf(1000, 0, 30), korea(), { amount: 1000 }), {
      amount: 30_000,
    })
  })
})

test.group('Shipping | weight bands', () => {
  const policy = new WeightBandsPolicy()
  const bands = [
    { upToGrams: 5000, amount: 4000 },
    { upToGrams: 2000, amount: 3000 },
  ]

  test('puts a parcel on a band edge in that band', ({ assert }) => {
    assert.include(policy.quote(parcelOf(1000, 0), korea(), { bands }), { amount: 3000 })
    assert.include(policy.quote(parcelOf(1000, 2000), korea(), { bands }), { amount: 3000 })
    assert.include(policy.quote(parcelOf(1000, 2001), korea(), { bands }), { amount: 4000 })
    assert.include(policy.quote(parcelOf(1000, 1000, 5), korea(), { bands }), { amount: 4000 })
  })

  test('refuses a parcel heavier than the last band', ({ assert }) => {
    const result = policy.quote(parcelOf(1000, 5001), korea(), { bands })
    assert.deepInclude(result, { deliverable: false, reason: 'too_heavy' })
  })

  test('refuses two bands of the same weight', async ({ assert }) => {
    const validator = vine.create(policy.schema)
    await assert.rejects(() => validator.validate({ bands: [...bands, bands[0]] }))
  })
})
