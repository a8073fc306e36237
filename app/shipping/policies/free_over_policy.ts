import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { money } from '#shipping/option_schemas'
import { quoteFrom } from '#shipping/quotes'
import type {
  Destination,
  OptionField,
  Parcel,
  QuoteResult,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'

const schema = vine.object({ amount: money(), threshold: money() })

export type FreeOverOptions = Infer<typeof schema>

/**
 * A fee, waived once the seller's items reach a threshold (조건부 무료배송,
 * the most common policy on Korean marketplaces). The waived line stays in
 * the breakdown so the shopper sees why shipping is free.
 */
export class FreeOverPolicy implements ShippingPolicy<FreeOverOptions> {
  readonly code = 'free_over'
  readonly scopes: readonly ShippingScope[] = ['domestic']
  readonly label = { ko: '조건부 무료배송', en: 'Free over an order value' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    { name: 'amount', type: 'money', label: { ko: '배송비', en: 'Shipping fee' } },
    {
      name: 'threshold',
      type: 'money',
      label: { ko: '무료배송 기준 금액', en: 'Free from' },
      help: {
        ko: '판매자 상품 합계가 이 금액 이상이면 무료입니다.',
        en: 'Shipping is free when your items in the order add up to at least this much.',
      },
    },
  ]
  readonly defaults: FreeOverOptions = { amount: 3000, threshold: 50_000 }

  quote(parcel: Parcel, _destination: Destination, options: FreeOverOptions): QuoteResult {
    if (parcel.subtotal >= options.threshold) {
      return quoteFrom(parcel.currency, [
        { code: 'free_over_threshold', label: 'Free shipping over the order threshold', amount: 0 },
      ])
    }
    return quoteFrom(parcel.currency, [{ code: 'base', label: 'Shipping', amount: options.amount }])
  }
}
