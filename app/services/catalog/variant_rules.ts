import ProductVariant from '#models/product_variant'
import type Seller from '#models/seller'
import type Product from '#models/product'
import type { VariantInput } from '#services/catalog/product_service'
import { failValidation } from '#services/validation'

/**
 * Checks what the validator cannot: SKUs unused by the seller's other
 * products, ids that belong to this product, and options that give every
 * variant the same option names and a distinct combination.
 */
export async function assertVariantRules(
  seller: Seller,
  variants: VariantInput[],
  product: Product | null
) {
  const names = JSON.stringify(Object.keys(variants[0]?.options ?? {}).sort())
  const combinations = new Set<string>()
  variants.forEach((variant, index) => {
    const options = variant.options ?? {}
    if (JSON.stringify(Object.keys(options).sort()) !== names) {
      failValidation(
        `variants.${index}.options`,
        'Every variant must have a value for the same options',
        'variantOptions'
      )
    }
    const combination = JSON.stringify(Object.entries(options).sort())
    if (variants.length > 1 && combinations.has(combination)) {
      failValidation(
        `variants.${index}.options`,
        'Two variants have the same options',
        'distinctOptions'
      )
    }
    combinations.add(combination)
    if (variant.compareAtPrice !== undefined && variant.compareAtPrice < variant.price) {
      failValidation(
        `variants.${index}.compareAtPrice`,
        'The compare-at price must not be lower than the price',
        'compareAtPrice'
      )
    }
  })

  const ownIds = product ? await product.related('variants').query().select('id') : []
  const ownIdSet = new Set(ownIds.map((variant) => variant.id))
  variants.forEach((variant, index) => {
    if (variant.id !== undefined && !ownIdSet.has(variant.id)) {
      failValidation(
        `variants.${index}.id`,
        'This variant does not belong to the product',
        'variantId'
      )
    }
  })

  const taken = await ProductVariant.query()
    .where('seller_id', seller.id)
    .whereIn(
      'sku',
      variants.map((variant) => variant.sku)
    )
    .if(product, (query) => query.whereNot('product_id', product!.id))
    .select('sku')
  if (taken.length) {
    const index = variants.findIndex((variant) => variant.sku === taken[0].sku)
    failValidation(
      `variants.${index}.sku`,
      'This SKU is already used by another of your products',
      'skuTaken'
    )
  }
}
