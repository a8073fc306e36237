import { BaseTransformer } from '@adonisjs/core/transformers'
import type ProductVariant from '#models/product_variant'

/** A variant in the Store API; money as `{ amount, currency }` in minor units. */
export default class VariantTransformer extends BaseTransformer<ProductVariant> {
  constructor(
    resource: ProductVariant,
    protected currency: string
  ) {
    super(resource)
  }

  toObject() {
    const variant = this.resource
    return {
      id: variant.id,
      sku: variant.sku,
      price: { amount: variant.price, currency: this.currency },
      compareAtPrice:
        variant.compareAtPrice === null
          ? null
          : { amount: variant.compareAtPrice, currency: this.currency },
      stock: variant.stock,
      inStock: variant.stock > 0,
      weightGrams: variant.weightGrams,
      options: variant.options,
    }
  }
}
