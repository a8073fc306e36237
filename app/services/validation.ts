import { errors } from '@vinejs/vine'
import { HttpContext } from '@adonisjs/core/http'

/**
 * Raises a 422 with a field error for rules that need the database or other
 * records (a SKU already used, a business number already registered), so it
 * reads exactly like a VineJS error, translated the same way
 * (validator.shared.messages.<rule>).
 */
export function failValidation(field: string, message: string, rule: string): never {
  const i18n = HttpContext.get()?.i18n
  const translated = i18n ? i18n.t(`validator.shared.messages.${rule}`, { field }, message) : message
  throw new errors.E_VALIDATION_ERROR([{ field, message: translated, rule }])
}
