/** A number as a form field or a JSON string writes it: an optional minus, digits, a decimal point. */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/

/**
 * The number `value` stands for, or NaN: a number, or text that is a plain
 * decimal (surrounding spaces allowed). JavaScript's Number() also reads
 * [1], true, [], "0x10", "1e3" and " " (as 1, 1, 0, 16, 1000 and 0); none
 * of those is a number here.
 */
export function decimalNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value)
  return Number.NaN
}
