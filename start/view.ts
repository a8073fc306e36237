/*
 * Helpers available in every template.
 */
import edge from 'edge.js'
import type { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import storeConfig from '#config/store'
import { formatMoney } from '#services/money'
import { formatDuration, presentMedia } from '#media/media_presenter'
import { formatDateTime } from '#formatting/store_time'
import { countryName } from '#formatting/country_names'
import { breakdownLabel } from '#shipping/breakdown_label'
import { carrierName } from '#services/orders/carriers'
import type { BreakdownLine } from '#shipping/types'

edge.global('store', { name: storeConfig.name, currency: storeConfig.currency })

/** `{{ money(12900, 'KRW') }}` → ₩12,900 in the visitor's language. */
edge.global('money', function (this: { locale?: string }, minor: number, currency: string) {
  return formatMoney(minor, currency, this.locale ?? 'ko')
})

/**
 * A moment in the store's time zone, in the visitor's language:
 * 2026년 11월 25일 오후 11:59 GMT+9 / November 25, 2026 at 11:59 PM GMT+9.
 */
edge.global('formatDate', function (this: { locale?: string }, value: DateTime | string | null) {
  return formatDateTime(value, this.locale ?? 'ko')
})

/** A country code as the country's name in the visitor's language: KR → 대한민국. */
edge.global('countryName', function (this: { locale?: string }, code: string | null) {
  return code ? countryName(code, this.locale ?? 'ko') : ''
})

/** A carrier's name in the visitor's language: cj → CJ대한통운 / CJ Logistics. */
edge.global('carrierName', function (this: { locale?: string }, code: string | null) {
  return carrierName(code, this.locale ?? 'ko')
})

/** A shipping breakdown line in the visitor's language: 무게별 배송비 (2,000g 이하). */
edge.global('shippingLine', function (this: { i18n: I18n }, line: BreakdownLine) {
  return breakdownLabel(this.i18n, line)
})

/** A media item with its public rendition URLs and `<picture>` sources. */
edge.global('presentMedia', presentMedia)

/** A video's length as m:ss. */
edge.global('formatDuration', formatDuration)
