import vine from '@vinejs/vine'

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5]

/**
 * Whether a Korean business registration number (사업자등록번호, 10 digits,
 * dashes optional) has a valid check digit.
 */
export function isValidBusinessNumber(input: string): boolean {
  const digits = input.replaceAll('-', '')
  if (!/^\d{10}$/.test(digits)) return false
  const d = [...digits].map(Number)
  let sum = WEIGHTS.reduce((total, weight, index) => total + d[index] * weight, 0)
  sum += Math.floor((d[8] * 5) / 10)
  return (10 - (sum % 10)) % 10 === d[9]
}

/** A business registration number as people write it: 220-81-62517. */
export function formatBusinessNumber(digits: string): string {
  return /^\d{10}$/.test(digits)
    ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`
    : digits
}

/** VineJS rule for business registration numbers; stores the digits only. */
export const businessNumberRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' || !isValidBusinessNumber(value)) {
    field.report(
      'The {{ field }} field must be a valid business registration number',
      'businessNumber',
      field
    )
    return
  }
  field.mutate(value.replaceAll('-', ''), field)
})
