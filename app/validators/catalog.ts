import vine from '@vinejs/vine'
import { CATALOG_SORTS } from '#services/catalog/catalog_service'

/**
 * Storefront and API search parameters. Anything malformed is a 422 rather
 * than a silently ignored filter.
 */
export const catalogSearchValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  category: vine.string().trim().maxLength(80).optional(),
  seller: vine.string().trim().maxLength(100).optional(),
  minPrice: vine.number().withoutDecimals().min(0).optional(),
  maxPrice: vine.number().withoutDecimals().min(0).optional(),
  sort: vine.enum(CATALOG_SORTS).optional(),
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})
