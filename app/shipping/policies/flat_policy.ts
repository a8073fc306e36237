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

const schema = vine.object({ amount: money() })

export type FlatOptions = Infer<typeof schema>

/** One fee per parcel, whatever is in it (기본 배송비). */
export class FlatPolicy implements ShippingPolicy<FlatOptions> {
  readonly code = 'flat'
  readonly scopes: readonly ShippingScope[] = ['domestic']
  readonly label = { ko: '고정 배송비', en: 'Flat rate' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    { name: 'amount', type: 'money', label: { ko: '배송비', en: 'Shipping fee' } },
  ]
  readonly defaults: FlatOptions = { amount: 3000 }

  quote(parcel: Parcel, _destination: Destination, options: FlatOptions): QuoteResult {
    return quoteFrom(parcel.currency, [{ code: 'base', label: 'Shipping', amount: options.amount }])
  }
}
