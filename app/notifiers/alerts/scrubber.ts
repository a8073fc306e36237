import type { Alert } from '#notifiers/alerts/alert'

/** Environment variables whose values are secrets wherever they show up. */
const SECRET_ENV = /KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|DSN|^ALERTS_.*_URL$/

/** `name=value` / `name: value` pairs whose value is a secret. */
const SECRET_PAIR =
  /((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization|cvc|cvv|order[_-]?key)["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',;&)\]}]+/gi

/** A token-like word: 24+ letters, digits, - or _, with both letters and digits (order keys, API keys). */
const TOKEN_LIKE = /(?<![\w/.-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{24,}(?![\w/.-])/g

const CARD_LIKE = /\b(?:\d[ -]?){12,18}\d\b/g

function luhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

/** The secret environment values of this process, longest first (so one is not half-replaced by another). */
function secretValues(): string[] {
  return Object.entries(process.env)
    .filter(([name, value]) => SECRET_ENV.test(name) && value && value.length >= 6)
    .map(([, value]) => value!)
    .sort((a, b) => b.length - a.length)
}

/**
 * Text with everything secret taken out before it leaves the server: the
 * values of secret environment variables, credentials in URLs, bearer
 * tokens, `password=…`-style pairs, card numbers and token-like strings
 * (order keys, API keys). An alert goes to a third-party messenger.
 */
export function scrub(text: string): string {
  let clean = text
  for (const value of secretValues()) clean = clean.split(value).join('[redacted]')
  return clean
    .replace(/(\/\/)[^\s/@:]+:[^\s/@]+@/g, '$1[redacted]@')
    .replace(/\b(bearer|basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]')
    .replace(SECRET_PAIR, '$1[redacted]')
    .replace(CARD_LIKE, (match) => (luhn(match.replace(/\D/g, '')) ? '[card]' : match))
    .replace(TOKEN_LIKE, '[redacted]')
}

/** The alert with every text parameter scrubbed. */
export function scrubAlert(alert: Alert): Alert {
  const params = Object.fromEntries(
    Object.entries(alert.params).map(([key, value]) => [
      key,
      typeof value === 'string' ? scrub(value) : value,
    ])
  )
  return { ...alert, params }
}
