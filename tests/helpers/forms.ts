import qs from 'qs'

/**
 * Encodes a form the way a browser posts nested fields
 * (`variants[0][sku]=…`), which is what the seller-center form sends.
 */
export function encodeForm(values: Record<string, unknown>): string {
  return qs.stringify(values)
}
