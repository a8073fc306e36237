/**
 * Money is always an integer count of the currency's minor units (KRW has
 * none, so 12,900원 is 12900; USD 12.99 is 1299). These helpers convert and
 * format at the edges only.
 */

const digitsCache = new Map<string, number>()

/** How many minor-unit digits a currency has (KRW 0, USD 2, KWD 3). */
export function fractionDigits(currency: string): number {
  let digits = digitsCache.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number
    digitsCache.set(currency, digits)
  }
  return digits
}

/** Converts an amount typed in major units (12.99) to minor units (1299). */
export function toMinorUnits(major: number, currency: string): number {
  return Math.round(major * 10 ** fractionDigits(currency))
}

/** Converts minor units back to a major-unit number, for form inputs. */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** fractionDigits(currency)
}

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * Formats minor units for people: ₩12,900 in Korean, $12.99 in English.
 * Formatters are built once per locale and currency (building one costs far
 * more than formatting with it).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency)
  const key = `${locale}:${currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(minor / 10 ** digits)
}
