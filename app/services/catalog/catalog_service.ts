import { inject } from '@adonisjs/core'
import Product from '#models/product'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Seller from '#models/seller'
import Category from '#models/category'
import storeConfig from '#config/store'
import CategoryService from '#services/catalog/category_service'
import { isRowId } from '#validators/rules/bounds'

/** Columns of products that listings read. */
const LISTING_COLUMNS = [
  'id',
  'seller_id',
  'category_id',
  'slug',
  'title',
  'title_en',
  'currency',
  'min_price',
  'is_featured',
  'published_at',
  'cover_media_id',
]

export const CATALOG_SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const
export type CatalogSort = (typeof CATALOG_SORTS)[number]

export interface CatalogFilters {
  q?: string
  /** A category slug or id; products of its subcategories are included. */
  category?: string
  /** A seller slug or id. */
  seller?: string
  minPrice?: number
  maxPrice?: number
  sort?: CatalogSort
  page?: number
  perPage?: number
}

/** Escapes LIKE wildcards typed by a visitor. */
function likeTerm(term: string) {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/**
 * What customers can find: search with filters and sorting, featured and new
 * products, a product page. Only published products of approved sellers are
 * ever returned. Each listing is one query for the page plus one per
 * preloaded relation, whatever the page size.
 */
@inject()
export default class CatalogService {
  constructor(protected categories: CategoryService) {}

  async search(filters: CatalogFilters) {
    const page = Math.max(1, filters.page ?? 1)
    const perPage = Math.min(
      storeConfig.catalog.maxPerPage,
      Math.max(1, filters.perPage ?? storeConfig.catalog.perPage)
    )
    const query = Product.query().withScopes((scopes) => scopes.visible())

    const terms = (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)
    for (const term of terms)
      query.whereRaw(`products.search_text LIKE ? ESCAPE '\\'`, [likeTerm(term)])

    if (filters.category) {
      const category = await this.findCategory(filters.category)
      query.whereIn(
        'products.category_id',
        category ? await this.categories.withDescendants(category.id) : []
      )
    }
    if (filters.seller) {
      const seller = await this.findSeller(filters.seller)
      query.where('products.seller_id', seller?.id ?? 0)
    }
    if (filters.minPrice !== undefined) query.where('products.min_price', '>=', filters.minPrice)
    if (filters.maxPrice !== undefined) query.where('products.min_price', '<=', filters.maxPrice)

    switch (filters.sort ?? 'newest') {
      case 'price_asc':
        query.orderBy('products.min_price', 'asc')
        break
      case 'price_desc':
        query.orderBy('products.min_price', 'desc')
        break
      case 'name':
        query.orderBy('products.title', 'asc')
        break
      default:
        query.orderBy('products.published_at', 'desc')
    }
    query.orderBy('products.id', 'desc')

    return this.#listing(query).paginate(page, perPage)
  }

  async featured(limit = 8) {
    return this.#listing(
      Product.query()
        .withScopes((scopes) => scopes.visible())
        .where('products.is_featured', true)
        .orderBy('products.published_at', 'desc')
        .limit(limit)
    )
  }

  async newest(limit = 8) {
    return this.#listing(
      Product.query()
        .withScopes((scopes) => scopes.visible())
        .orderBy('products.published_at', 'desc')
        .orderBy('products.id', 'desc')
        .limit(limit)
    )
  }

  /**
   * What a product card needs and nothing more: the listing columns, the
   * seller's name, the summed stock (a subquery, so variants are not
   * loaded row by row) and the cover photo's renditions.
   */
  #listing(query: ModelQueryBuilderContract<typeof Product>) {
    return query
      .select(LISTING_COLUMNS.map((column) => `products.${column}`))
      .withAggregate('variants', (variants) => variants.sum('stock').as('total_stock'))
      .preload('seller', (sellers) => sellers.select('id', 'name', 'slug'))
      .preload('coverMedia')
  }

  /** A product page: the product with its seller, category, variants and ready media. */
  async findProduct(slug: string) {
    return Product.query()
      .withScopes((scopes) => scopes.visible())
      .where('products.slug', slug)
      .preload('seller')
      .preload('category')
      .preload('variants')
      .preload('media', (media) => media.withScopes((scopes) => scopes.ready()))
      .firstOrFail()
  }

  async findCategory(slugOrId: string) {
    return Category.query()
      .if(
        isRowId(slugOrId),
        (query) => query.where('id', Number(slugOrId)),
        (query) => query.where('slug', slugOrId)
      )
      .first()
  }

  /** Approved sellers by name, for the seller filter. */
  async sellers() {
    return Seller.query()
      .withScopes((scopes) => scopes.approved())
      .select('id', 'name', 'slug')
      .orderBy('name')
  }

  /** An approved seller by slug or id. */
  async findSeller(slugOrId: string) {
    return this.#sellerQuery(slugOrId).first()
  }

  async findSellerOrFail(slugOrId: string) {
    return this.#sellerQuery(slugOrId).firstOrFail()
  }

  #sellerQuery(slugOrId: string) {
    return Seller.query()
      .withScopes((scopes) => scopes.approved())
      .if(
        isRowId(slugOrId),
        (query) => query.where('id', Number(slugOrId)),
        (query) => query.where('slug', slugOrId)
      )
  }
}
