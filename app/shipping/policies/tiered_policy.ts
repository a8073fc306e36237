import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { money } from '#shipping/option_schemas'
import { ascending, quoteFrom } from '#shipping/quotes'
import type {
  Destination,
  OptionField,
  Parcel,
  QuoteResult,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'

const startsAtZero = vine.createRule((value, _options, field) => {
  const rows = value as { minSubtotal?: unknown }[]
  if (!rows.some((row) => row.minSubtotal !== '' && Number(row.minSubtotal) === 0)) {
    field.report('The {{ field }} field needs a tier that starts at 0', 'tierFromZero', field)
  }
})

const schema = vine.object({
  tiers: vine
    .array(vine.object({ minSubtotal: money(), amount: money() }))
    .notEmpty()
    .maxLength(20)
    .distinct('minSubtotal')
    .use(startsAtZero()),
})

export type TieredOptions = Infer<typeof schema>

/**
 * A fee chosen by the seller's subtotal: each tier applies from its
 * `minSubtotal` up to the next tier. One tier starts at 0, so every order has
 * a fee.
 */
export class TieredPolicy implements ShippingPolicy<TieredOptions> {
  readonly code = 'tiered'
  readonly scopes: readonly ShippingScope[] = ['domestic']
  readonly label = { ko: '주문 금액별 배송비', en: 'By order value' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    {
      name: 'tiers',
      type: 'rows',
      label: { ko: '금액 구간', en: 'Tiers' },
      columns: [
        { name: 'minSubtotal', type: 'money', label: { ko: '주문 금액 이상', en: 'From' } },
        { name: 'amount', type: 'money', label: { ko: '배송비', en: 'Shipping fee' } },
      ],
    },
  ]
  readonly defaults: TieredOptions = {
    tiers: [
      { minSubtotal: 0, amount: 3500 },
      { minSubtotal: 30_000, amount: 2500 },
      { minSubtotal: 70_000, amount: 0 },
    ],
  }

  quote(parcel: Parcel, _destination: Destination, options: TieredOptions): QuoteResult {
    const tiers = ascending(options.tiers, (tier) => tier.minSubtotal)
    const tier = tiers.findLast((row) => row.minSubtotal <= parcel.subtotal) ?? tiers[0]
    return quoteFrom(parcel.currency, [
      { code: 'order_value_tier', label: 'Shipping by order value', amount: tier.amount },
    ])
  }
}
