import storeConfig from '#config/store'

/**
 * A carrier's name in the reader's language (CJ대한통운 / CJ Logistics), as
 * config/store.ts names it; a code no longer configured shows as it is.
 */
export function carrierName(code: string | null, locale: string): string {
  if (!code) return ''
  const carrier = storeConfig.orders.carriers[code]
  if (!carrier) return code
  return locale === 'en' ? carrier.name.en : carrier.name.ko
}
