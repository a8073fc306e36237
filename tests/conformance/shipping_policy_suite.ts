import vine, { errors as vineErrors } from '@vinejs/vine'
import type { test as japaTest } from '@japa/runner'
import type { Assert } from '@japa/assert'
import { buildParcel } from '#shipping/parcel'
import type { Destination, Parcel, QuoteResult, ShippingPolicy } from '#shipping/types'

/** A case the policy must price; `amount` pins the expected total when given. */
export interface DeliverableSample<Options> {
  parcel: Parcel
  destination: Destination
  options: Options
  amount?: number
}

/** A case the policy must refuse with `reason`. */
export interface NotDeliverableSample<Options> {
  parcel: Parcel
  destination: Destination
  options: Options
  reason: string
}

/** Options a seller could submit that must fail on `field` (e.g. `bands.1.upToGrams`). */
export interface InvalidOptions {
  input: unknown
  field: string
}

/** Where the generated parcels go: home, Jeju, an island, a bad code, abroad. */
export const SPREAD_DESTINATIONS: Destination[] = [
  { country: 'KR', postalCode: '06236', city: '서울' },
  { country: 'KR', postalCode: '63100', region: '제주특별자치도' },
  { country: 'KR', postalCode: '58810' },
  { country: 'KR', postalCode: '40200' },
  { country: 'KR', postalCode: '' },
  { country: 'US', postalCode: '10001', region: 'NY' },
  { country: 'JP', postalCode: '100-0001' },
  { country: 'DE', postalCode: '10115' },
  { country: 'BR', postalCode: '01001-000' },
]

const WEIGHTS = [0, 1, 333, 499, 500, 501, 999, 1999, 2000, 2001, 4999, 10_001, 29_999, 30_001]
const PRICES = [1, 999, 3333, 12_345, 24_999, 49_999, 50_000, 50_001, 99_999]

/**
 * Parcels from empty to a dozen items with odd prices and weights, some in
 * USD, always the same ones (a fixed-seed generator) so a failure replays.
 */
export function parcelSpread(count = 48): Parcel[] {
  let seed = 20_240_601
  const next = (max: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed % max
  }
  return Array.from({ length: count }, (_, index) =>
    buildParcel({
      sellerId: 1,
      currency: index % 8 === 7 ? 'USD' : 'KRW',
      items: Array.from({ length: index % 6 }, (__, line) => ({
        variantId: line + 1,
        quantity: 1 + next(3),
        unitPrice: PRICES[next(PRICES.length)],
        weightGrams: WEIGHTS[next(WEIGHTS.length)],
      })),
    })
  )
}

function deepFreeze<Value>(value: Value): Value {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

/** Checks the shape every answer must have, deliverable or not. */
function assertWellFormed(assert: Assert, result: QuoteResult, parcel: Parcel, context: string) {
  if (!result.deliverable) {
    assert.isFalse(result.deliverable, context)
    assert.isString(result.reason, context)
    assert.isNotEmpty(result.reason, context)
    assert.isString(result.message, context)
    assert.isNotEmpty(result.message, context)
    assert.notProperty(result, 'amount', context)
    return
  }
  assert.equal(result.currency, parcel.currency, context)
  assert.isTrue(Number.isSafeInteger(result.amount) && result.amount >= 0, context)
  let sum = 0
  for (const line of result.breakdown) {
    assert.match(line.code, /^[a-z][a-z0-9_.]*$/, context)
    assert.isNotEmpty(line.label, context)
    assert.isTrue(Number.isSafeInteger(line.amount) && line.amount >= 0, context)
    sum += line.amount
  }
  assert.equal(result.amount, sum, `${context}: amount is the sum of the breakdown`)
}

/**
 * What every shipping policy must do, built-in or a plugin's: validate its
 * options with VineJS, and quote deterministically, without touching its
 * input, in the parcel's currency, in non-negative integer minor units whose
 * breakdown adds up, refusing with a typed answer rather than throwing.
 */
export function shippingPolicySuite<Options extends object>(config: {
  test: typeof japaTest
  policy: ShippingPolicy<Options>
  validOptions: unknown[]
  invalidOptions: InvalidOptions[]
  samples: DeliverableSample<Options>[]
  notDeliverable?: NotDeliverableSample<Options>[]
}) {
  const { test, policy } = config
  const validator = vine.create(policy.schema)
  const validate = async (input: unknown) => (await validator.validate(input)) as Options
  const optionSets = async () =>
    Promise.all([policy.defaults, ...config.validOptions].map(validate))

  /** Calls `check` for every generated parcel and destination under every valid option set. */
  async function eachInput(
    check: (
      input: { parcel: Parcel; destination: Destination; options: Options },
      context: string
    ) => void
  ) {
    const sets = await optionSets()
    const parcels = parcelSpread()
    for (const [set, options] of sets.entries()) {
      for (const [index, parcel] of parcels.entries()) {
        for (const destination of SPREAD_DESTINATIONS) {
          const where = `${destination.country} ${destination.postalCode}`
          check({ parcel, destination, options }, `options #${set}, parcel #${index}, ${where}`)
        }
      }
    }
  }

  test.group(`Shipping policies | ${policy.code}`, () => {
    test('describes itself with a stable code, scopes, labels and known fields', ({ assert }) => {
      assert.match(policy.code, /^[a-z][a-z0-9_]*$/)
      assert.isNotEmpty(policy.scopes)
      for (const scope of policy.scopes) {
        assert.oneOf(scope, ['domestic', 'surcharge', 'international'])
      }
      assert.isNotEmpty(policy.label.ko)
      assert.isNotEmpty(policy.label.en)
      const properties = Object.keys(policy.schema.getProperties())
      for (const field of policy.fields) assert.oneOf(field.name, properties)
    })

    test('accepts its defaults and valid options, and re-accepts what it returns', async ({
      assert,
    }) => {
      for (const options of await optionSets()) {
        assert.deepEqual(await validate(structuredClone(options)), options)
      }
    })

    test('rejects invalid options with a ValidationError naming the field', async ({ assert }) => {
      for (const { input, field } of config.invalidOptions) {
        const error = await validate(input).then(
          () => null,
          (reason: unknown) => reason
        )
        assert.instanceOf(error, vineErrors.E_VALIDATION_ERROR, `accepted ${JSON.stringify(input)}`)
        const fields = (error as { messages: { field: string }[] }).messages.map(
          (message) => message.field
        )
        assert.include(fields, field, `${JSON.stringify(input)} fails on ${fields.join(', ')}`)
      }
    })

    test('prices the samples', async ({ assert }) => {
      for (const sample of config.samples) {
        const result = policy.quote(
          sample.parcel,
          sample.destination,
          await validate(sample.options)
        )
        assertWellFormed(assert, result, sample.parcel, JSON.stringify(sample))
        assert.isTrue(result.deliverable, JSON.stringify(sample))
        if (result.deliverable && sample.amount !== undefined) {
          assert.equal(result.amount, sample.amount, JSON.stringify(sample))
        }
      }
    })

    test('refuses what it cannot deliver with its reason', async ({ assert }) => {
      for (const sample of config.notDeliverable ?? []) {
        const result = policy.quote(
          sample.parcel,
          sample.destination,
          await validate(sample.options)
        )
        assertWellFormed(assert, result, sample.parcel, JSON.stringify(sample))
        assert.deepInclude(result, { deliverable: false, reason: sample.reason })
      }
    })

    test('answers the same twice without mutating its input', async ({ assert }) => {
      await eachInput((input, context) => {
        const frozen = deepFreeze(structuredClone(input))
        const first = policy.quote(frozen.parcel, frozen.destination, frozen.options)
        const second = policy.quote(frozen.parcel, frozen.destination, frozen.options)
        assert.deepEqual(first, second, context)
        assert.deepEqual(frozen, input, context)
      })
    })

    test('quotes in the parcel currency, in whole minor units that add up', async ({ assert }) => {
      await eachInput(({ parcel, destination, options }, context) => {
        assertWellFormed(assert, policy.quote(parcel, destination, options), parcel, context)
      })
    })
  })
}
