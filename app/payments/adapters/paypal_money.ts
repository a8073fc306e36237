import { fractionDigits } from '#services/money'

/**
 * The currencies PayPal's REST API accepts
 * (developer.paypal.com/reference/currency-codes). KRW is not one of them.
 */
export const PAYPAL_CURRENCIES = new Set([
  'AUD',
  'BRL',
  'CAD',
  'CHF',
  'CNY',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HKD',
  'HUF',
  'ILS',
  'JPY',
  'MXN',
  'MYR',
  'NOK',
  'NZD',
  'PHP',
  'PLN',
  'SEK',
  'SGD',
  'THB',
  'TWD',
  'USD',
])

/** Currencies PayPal takes in whole units only, whatever ISO 4217 says (HUF, TWD have 2). */
const WHOLE_UNITS_ONLY = new Set(['HUF', 'JPY', 'TWD'])

/** Whether PayPal takes payments in `currency`. */
export function isPayPalCurrency(currency: string): boolean {
  return PAYPAL_CURRENCIES.has(currency)
}

/**
 * Integer minor units → PayPal's decimal string: 1299 USD → "12.99",
 * 1500 JPY → "1500". Throws for an amount PayPal cannot express (HUF and TWD
 * with a fractional part), which a shop pricing in whole units never has.
 */
export function toPayPalValue(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new RangeError(`${minor} is not an amount in minor units`)
  }
  const digits = fractionDigits(currency)
  const whole = Math.floor(minor / 10 ** digits)
  const fraction = minor % 10 ** digits
  if (WHOLE_UNITS_ONLY.has(currency)) {
    if (fraction !== 0) throw new RangeError(`PayPal takes ${currency} in whole units only`)
    return String(whole)
  }
  return digits === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, '0')}`
}

/**
 * PayPal's decimal string → integer minor units, exactly (no floating point):
 * "12.99" USD → 1299, "1500" JPY → 1500, "1500" TWD → 150000.
 */
export function fromPayPalValue(value: string, currency: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim())
  if (!match) throw new RangeError(`PayPal sent "${value}", which is not an amount`)
  const digits = fractionDigits(currency)
  const fraction = (match[2] ?? '').padEnd(digits, '0')
  if (fraction.length > digits && /[^0]/.test(fraction.slice(digits))) {
    throw new RangeError(`PayPal sent ${value} ${currency}, finer than its minor unit`)
  }
  return Number(match[1]) * 10 ** digits + Number(fraction.slice(0, digits) || '0')
}
