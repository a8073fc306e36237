/*
 * Helpers available in every template.
 */
import edge from 'edge.js'
import type { DateTime } from 'luxon'
import storeConfig from '#config/store'
import { formatMoney } from '#services/money'
import { formatDuration, presentMedia } from '#media/media_presenter'
import { formatDateTime } from '#formatting/store_time'
import { countryName } from '#formatting/country_names'

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

/** A media item with its public rendition URLs and `<picture>` sources. */
edge.global('presentMedia', presentMedia)

/** A video's length as m:ss. */
edge.global('formatDuration', formatDuration)
