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

const schema = vine.object({ amount: money(), cap: money().nullable().optional() })

export type PerItemOptions = Infer<typeof schema>

/** A fee per item (수량별 배송비), optionally capped so large orders stay reasonable. */
export class PerItemPolicy implements ShippingPolicy<PerItemOptions> {
  readonly code = 'per_item'
  readonly scopes: readonly ShippingScope[] = ['domestic']
  readonly label = { ko: '수량별 배송비', en: 'Per item' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    { name: 'amount', type: 'money', label: { ko: '상품 1개당 배송비', en: 'Fee per item' } },
    {
      name: 'cap',
      type: 'money',
      label: { ko: '최대 배송비', en: 'Maximum fee' },
      help: { ko: '비워 두면 상한이 없습니다.', en: 'Leave empty for no maximum.' },
    },
  ]
  readonly defaults: PerItemOptions = { amount: 1500, cap: null }

  quote(parcel: Parcel, _destination: Destination, options: PerItemOptions): QuoteResult {
    const amount = options.amount * parcel.itemCount
    if (options.cap !== null && options.cap !== undefined && amount > options.cap) {
      return quoteFrom(parcel.currency, [
        { code: 'per_item_capped', label: 'Shipping per item (capped)', amount: options.cap },
      ])
    }
    return quoteFrom(parcel.currency, [{ code: 'per_item', label: 'Shipping per item', amount }])
  }
}
