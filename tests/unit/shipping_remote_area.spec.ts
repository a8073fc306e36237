import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { RemoteAreaPolicy, type RemoteAreaOptions } from '#shipping/policies/remote_area_policy'
import { abroad, korea, parcelOf } from '#tests/unit/shipping_fixtures'

const policy = new RemoteAreaPolicy()
const options: RemoteAreaOptions = { jejuAmount: 3000, islandAmount: 5000, extraRanges: [] }
const quote = (postalCode: string, chosen = options) =>
  policy.quote(parcelOf(20_000), korea(postalCode), chosen)

test.group('Shipping | remote-area surcharge (제주/도서산간)', () => {
  test('charges the Jeju surcharge for a Jeju postal code', ({ assert }) => {
    assert.deepEqual(quote('63100'), {
      deliverable: true,
      amount: 3000,
      currency: 'KRW',
      breakdown: [{ code: 'remote_area.jeju', label: 'Jeju surcharge', amount: 3000 }],
    })
    assert.include(quote('63000'), { amount: 3000 })
    assert.include(quote('63644'), { amount: 3000 })
  })

  test('charges the island surcharge for 도서산간 postal codes', ({ assert }) => {
    for (const postalCode of ['58810', '40200', '23100', '59106', '59790']) {
      const result = quote(postalCode)
      assert.include(result, { amount: 5000 }, postalCode)
      assert.deepEqual(result.deliverable && result.breakdown.map((line) => line.code), [
        'remote_area.island',
      ])
    }
  })

  test('adds nothing for a mainland postal code', ({ assert }) => {
    for (const postalCode of ['06236', '63645', '62999', '59105', '40241']) {
      assert.deepEqual(quote(postalCode), {
        deliverable: true,
        amount: 0,
        currency: 'KRW',
        breakdown: [],
      })
    }
  })

  test('adds nothing abroad or for a postal code that is not five digits', ({ assert }) => {
    assert.include(policy.quote(parcelOf(1000), abroad('US', '63100'), options), { amount: 0 })
    assert.include(quote('631-00'), { amount: 0 })
    assert.include(quote(''), { amount: 0 })
  })

  test('charges the island surcharge for ranges the seller adds', async ({ assert }) => {
    const chosen = await vine.create(policy.schema).validate({
      ...options,
      extraRanges: [{ from: '06230', to: ' 06240 ' }],
    })
    assert.include(quote('06236', chosen), { amount: 5000 })
    assert.include(quote('06241', chosen), { amount: 0 })
  })

  test('leaves out a surcharge the seller set to zero', ({ assert }) => {
    assert.deepEqual(quote('63100', { ...options, jejuAmount: 0 }), {
      deliverable: true,
      amount: 0,
      currency: 'KRW',
      breakdown: [],
    })
  })

  test('follows another postal-code table when given one', ({ assert }) => {
    const custom = new RemoteAreaPolicy({
      areas: { jeju: [], islands: [{ from: '06236', to: '06236' }] },
    })
    assert.include(custom.quote(parcelOf(1000), korea('06236'), options), { amount: 5000 })
    assert.include(custom.quote(parcelOf(1000), korea('63100'), options), { amount: 0 })
  })
})
