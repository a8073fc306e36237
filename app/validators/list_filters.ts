import type { HttpContext } from '@adonisjs/core/http'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import type { VineValidator } from '@vinejs/vine'
import InvalidFiltersException from '#exceptions/invalid_filters_exception'

/**
 * Validates a list page's filters (its query string). A refused filter is a
 * 422 page naming it (InvalidFiltersException): the usual redirect back
 * would land on the list as it was, showing everything as if the filter had
 * been applied.
 */
export async function listFilters<Schema extends SchemaTypes>(
  validator: VineValidator<Schema, Record<string, any> | undefined>,
  { request, i18n }: HttpContext,
  data: Record<string, unknown> = request.filledQs()
): Promise<Infer<Schema>> {
  const messagesProvider = i18n.createMessagesProvider()
  const [error, filters] = await validator.tryValidate(data, { messagesProvider })
  if (error) throw new InvalidFiltersException(error.messages)
  return filters
}
