import { DateTime } from 'luxon'
import storeConfig from '#config/store'

/**
 * Dates as people see them: always in the store's time zone (STORE_TIMEZONE,
 * config/store.ts), never in the zone of the machine that happens to render
 * them, so a page, an email and a filter agree about the same moment.
 */

type Moment = DateTime | Date | string

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A moment in the store's zone, in the reader's language, with the zone's
 * name: "2026년 11월 25일 오후 11:59 GMT+9" / "November 25, 2026 at 11:59 PM
 * GMT+9". Empty for no moment. Pages and emails use only this.
 */
export function formatDateTime(value: Moment | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return ''
  const tag = locale === 'en' ? 'en-US' : 'ko-KR'
  const key = `${tag}:${storeConfig.timezone}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: storeConfig.timezone,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(toJSDate(value))
}

/** The same moment on the store's calendar and clock (an order number's month). */
export function inStoreZone(at: DateTime): DateTime {
  return at.setZone(storeConfig.timezone)
}

/**
 * The first and last instants of a calendar day (`2026-11-25`, as typed in a
 * date input) in the store's zone, as the machine's local time that the
 * database columns are written in.
 */
export function storeDayBounds(day: string): { start: DateTime; end: DateTime } {
  const date = DateTime.fromISO(day, { zone: storeConfig.timezone })
  return { start: date.startOf('day').toLocal(), end: date.endOf('day').toLocal() }
}

/**
 * The calendar day a date input sent, as `YYYY-MM-DD`. VineJS reads a bare
 * date as local midnight, so it is read back in the local zone, whatever
 * zone the machine is in.
 */
export function typedDay(date: Date): string {
  return DateTime.fromJSDate(date).toISODate()!
}

function toJSDate(value: Moment): Date {
  if (typeof value === 'string') return new Date(value)
  if (value instanceof Date) return value
  return value.toJSDate()
}
