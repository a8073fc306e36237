import vine from '@vinejs/vine'
import { HttpContext } from '@adonisjs/core/http'
import { CATALOG_SORTS } from '#services/catalog/catalog_service'
import InvalidFiltersException from '#exceptions/invalid_filters_exception'

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

/** Validates storefront listing filters; malformed ones raise a 422 page. */
export async function catalogFilters(query: Record<string, unknown>) {
  const messagesProvider = HttpContext.get()?.i18n.createMessagesProvider()
  const [error, filters] = await catalogSearchValidator.tryValidate(query, { messagesProvider })
  if (error) throw new InvalidFiltersException(error.messages)
  return filters
}
