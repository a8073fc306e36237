import vine from '@vinejs/vine'
import { HttpContext } from '@adonisjs/core/http'
import { CATALOG_SORTS } from '#services/catalog/catalog_service'
import { listFilters } from '#validators/list_filters'
import { MAX_UNIT_PRICE } from '#validators/rules/bounds'

/**
 * Storefront and API search parameters. Anything malformed is a 422 rather
 * than a silently ignored filter.
 */
export const catalogSearchValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  category: vine.string().trim().maxLength(80).optional(),
  seller: vine.string().trim().maxLength(100).optional(),
  minPrice: vine.number().withoutDecimals().min(0).max(MAX_UNIT_PRICE).optional(),
  maxPrice: vine.number().withoutDecimals().min(0).max(MAX_UNIT_PRICE).optional(),
  sort: vine.enum(CATALOG_SORTS).optional(),
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})

/** Validates storefront listing filters; malformed ones raise a 422 page. */
export async function catalogFilters(query: Record<string, unknown>) {
  return listFilters(catalogSearchValidator, HttpContext.getOrFail(), query)
}
