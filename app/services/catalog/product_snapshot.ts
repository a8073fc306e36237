import type Product from '#models/product'
import type ProductVariant from '#models/product_variant'

/** Fields of a product whose change sends a published product back to review. */
export const CONTENT_FIELDS = [
  'title',
  'titleEn',
  'description',
  'descriptionEn',
  'categoryId',
] as const

/**
 * A flat picture of a product for audit diffs: content fields plus one key per
 * variant attribute (`variant[TS-01].price`), so a price change reads as one
 * line rather than the whole variant list.
 */
export function productSnapshot(product: Product, variants: ProductVariant[]) {
  const fields: Record<string, unknown> = {}
  for (const field of CONTENT_FIELDS) fields[field] = product[field]
  for (const variant of variants) {
    const key = `variant[${variant.sku}]`
    fields[`${key}.price`] = variant.price
    fields[`${key}.compareAtPrice`] = variant.compareAtPrice
    fields[`${key}.stock`] = variant.stock
    fields[`${key}.weightGrams`] = variant.weightGrams
    fields[`${key}.options`] = variant.options
  }
  return fields
}
