import { errors } from '@vinejs/vine'

/**
 * Raises a 422 with field errors for rules that need the database or other
 * records (a SKU already used, a business number already registered), so
 * they read exactly like VineJS errors.
 */
export function failValidation(field: string, message: string, rule: string): never {
  throw new errors.E_VALIDATION_ERROR([{ field, message, rule }])
}
