import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { money, postalRanges } from '#shipping/option_schemas'
import { quoteFrom } from '#shipping/quotes'
import { KOREAN_REMOTE_AREAS, inRanges, type RemoteAreaTable } from '#shipping/remote_areas'
import type {
  BreakdownLine,
  Destination,
  OptionField,
  Parcel,
  QuoteResult,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'

const schema = vine.object({
  jejuAmount: money(),
  islandAmount: money(),
  extraRanges: postalRanges(),
})

export type RemoteAreaOptions = Infer<typeof schema>

/**
 * The surcharge Korean couriers add for Jeju and other islands (제주/도서산간),
 * on top of the seller's domestic fee. The postal-code table is data: pass
 * another one to follow a different courier; sellers may add ranges, which
 * pay the island surcharge.
 */
export class RemoteAreaPolicy implements ShippingPolicy<RemoteAreaOptions> {
  readonly code = 'remote_area'
  readonly scopes: readonly ShippingScope[] = ['surcharge']
  readonly label = { ko: '제주/도서산간 추가 배송비', en: 'Jeju and remote islands surcharge' }
  readonly schema = schema
  readonly fields: readonly OptionField[] = [
    { name: 'jejuAmount', type: 'money', label: { ko: '제주 추가 배송비', en: 'Jeju surcharge' } },
    {
      name: 'islandAmount',
      type: 'money',
      label: { ko: '도서산간 추가 배송비', en: 'Remote island surcharge' },
    },
    {
      name: 'extraRanges',
      type: 'postal_ranges',
      label: { ko: '추가 도서산간 우편번호', en: 'More remote postal codes' },
      help: { ko: '도서산간 추가 배송비를 받습니다.', en: 'Charged the island surcharge.' },
    },
  ]
  readonly defaults: RemoteAreaOptions = { jejuAmount: 3000, islandAmount: 5000, extraRanges: [] }
  readonly #areas: RemoteAreaTable

  constructor(options: { areas?: RemoteAreaTable } = {}) {
    this.#areas = options.areas ?? KOREAN_REMOTE_AREAS
  }

  quote(parcel: Parcel, destination: Destination, options: RemoteAreaOptions): QuoteResult {
    const line = this.#surcharge(destination, options)
    return quoteFrom(parcel.currency, line && line.amount > 0 ? [line] : [])
  }

  #surcharge(destination: Destination, options: RemoteAreaOptions): BreakdownLine | null {
    const postalCode = destination.postalCode.trim()
    if (destination.country !== 'KR' || !/^\d{5}$/.test(postalCode)) return null
    if (inRanges(postalCode, this.#areas.jeju)) {
      return { code: 'remote_area.jeju', label: 'Jeju surcharge', amount: options.jejuAmount }
    }
    if (inRanges(postalCode, this.#areas.islands) || inRanges(postalCode, options.extraRanges)) {
      return {
        code: 'remote_area.island',
        label: 'Remote island surcharge',
        amount: options.islandAmount,
      }
    }
    return null
  }
}
