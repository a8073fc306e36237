import { ProductSchema } from '#database/schema'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Seller from '#models/seller'
import Category from '#models/category'
import ProductVariant from '#models/product_variant'
import Media from '#models/media'
import { ProductStatus } from '#lifecycles/product_lifecycle'

/**
 * A seller's product. Its price and stock live on its variants; `minPrice`
 * mirrors the cheapest variant so the storefront can filter and sort in SQL.
 */
export default class Product extends ProductSchema {
  @column({ consume: (value) => Boolean(value) })
  declare isFeatured: boolean

  @belongsTo(() => Seller)
  declare seller: BelongsTo<typeof Seller>

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>

  // Variants come in the seller's order, except inside aggregate subqueries
  // (PostgreSQL refuses ORDER BY next to SUM there).
  @hasMany(() => ProductVariant, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('position').orderBy('id')
    },
  })
  declare variants: HasMany<typeof ProductVariant>

  @hasMany(() => Media)
  declare media: HasMany<typeof Media>

  /** The listing image: the chosen cover, else the first ready photo. */
  @belongsTo(() => Media, { foreignKey: 'coverMediaId' })
  declare coverMedia: BelongsTo<typeof Media>

  /** Products customers may see: published, from an approved seller. */
  static visible = scope((query) => {
    query.where('products.status', ProductStatus.Published).whereIn(
      'products.seller_id',
      Seller.query()
        .apply((sellers) => sellers.approved())
        .select('id')
    )
  })

  /** The title in the visitor's language, falling back to the primary title. */
  localizedTitle(locale: string) {
    return (locale === 'en' && this.titleEn) || this.title
  }

  localizedDescription(locale: string) {
    return (locale === 'en' && this.descriptionEn) || this.description
  }

  /** Units in stock over all variants: from loaded variants, or from a listing's sum. */
  get totalStock(): number {
    if (this.variants) return this.variants.reduce((sum, variant) => sum + variant.stock, 0)
    return Number(this.$extras.total_stock ?? 0)
  }
}
