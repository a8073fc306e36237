/*
 * Helpers available in every template.
 */
import edge from 'edge.js'
import storeConfig from '#config/store'
import { formatMoney } from '#services/money'
import { formatDuration, presentMedia } from '#media/media_presenter'

edge.global('store', { name: storeConfig.name, currency: storeConfig.currency })

/** `{{ money(12900, 'KRW') }}` → ₩12,900 in the visitor's language. */
edge.global('money', function (this: { locale?: string }, minor: number, currency: string) {
  return formatMoney(minor, currency, this.locale ?? 'ko')
})

/** Dates in the visitor's language, e.g. 2026. 11. 22. or Nov 22, 2026. */
edge.global('formatDate', function (this: { locale?: string }, value: { toJSDate(): Date } | null) {
  if (!value) return ''
  return new Intl.DateTimeFormat(this.locale === 'en' ? 'en-US' : 'ko-KR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(value.toJSDate())
})

/** A media item with its public rendition URLs and `<picture>` sources. */
edge.global('presentMedia', presentMedia)

/** A video's length as m:ss. */
edge.global('formatDuration', formatDuration)
