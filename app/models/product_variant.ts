import { ProductVariantSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Product from '#models/product'

/** Option values of a variant, e.g. { "사이즈": "M", "색상": "블랙" }. */
export type VariantOptions = Record<string, string>

/**
 * A purchasable version of a product with its own SKU, price (integer minor
 * units), stock and weight.
 */
export default class ProductVariant extends ProductVariantSchema {
  @column({
    prepare: (value: VariantOptions) => JSON.stringify(value ?? {}),
    consume: (value: string | VariantOptions) =>
      typeof value === 'string' ? (JSON.parse(value) as VariantOptions) : value,
  })
  declare options: VariantOptions

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  /** "M / 블랙" style label for the options. */
  get label() {
    return Object.values(this.options).join(' / ')
  }
}
