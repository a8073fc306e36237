import { errors } from '@vinejs/vine'
import { HttpContext } from '@adonisjs/core/http'

/**
 * Raises a 422 with a field error for rules that need the database or other
 * records (a SKU already used, a business number already registered), so it
 * reads exactly like a VineJS error, translated the same way
 * (validator.shared.messages.<rule>, the field named by
 * validator.shared.fields.<name> unless `params.field` names it).
 */
export function failValidation(
  field: string,
  message: string,
  rule: string,
  params: Record<string, string | number> = {}
): never {
  const i18n = HttpContext.get()?.i18n
  const translated = i18n
    ? i18n.t(`validator.shared.messages.${rule}`, { field: label(i18n, field), ...params }, message)
    : message
  throw new errors.E_VALIDATION_ERROR([{ field, message: translated, rule }])
}

/** A field path's label: `variants.2.sku` is named by `sku`. */
function label(i18n: NonNullable<HttpContext['i18n']>, field: string) {
  const name = field.split('.').findLast((part) => !/^\d+$/.test(part)) ?? field
  const key = `validator.shared.fields.${name}`
  return i18n.resolveIdentifier(key) ? i18n.t(key) : name
}

/**
 * Whether a database error is a unique-constraint violation (PostgreSQL
 * 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). Two requests racing past the same
 * validator end here, and the loser gets the validation error it would have
 * got a moment later.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** Runs `write`, turning a unique violation into a field error. */
export async function uniquely<T>(
  write: () => Promise<T>,
  field: string,
  message: string,
  rule: string
) {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) failValidation(field, message, rule)
    throw error
  }
}
