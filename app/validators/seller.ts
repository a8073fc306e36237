import vine from '@vinejs/vine'
import { phone } from '#validators/account'
import { businessNumberRule } from '#validators/rules/business_number'

/**
 * Refuses NUL characters: PostgreSQL cannot store them (the write would
 * fail with a 500). Reported as a malformed value (the `regex` message).
 */
const withoutNul = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && value.includes('\0')) {
    field.report('The {{ field }} field format is invalid', 'regex', field)
  }
})

const text = () => vine.string().trim().use(withoutNul())

/**
 * A seller application (입점 신청), its re-submission after a rejection, and
 * an approved seller's store settings.
 */
export const sellerApplicationValidator = vine.create({
  name: text().minLength(2).maxLength(80),
  businessNumber: vine.string().trim().use(businessNumberRule()),
  representative: text().minLength(1).maxLength(60),
  contactEmail: vine.string().trim().toLowerCase().email().maxLength(254),
  contactPhone: phone(),
  description: text().maxLength(2000).optional(),
  bankName: text().minLength(2).maxLength(40),
  bankAccountHolder: text().minLength(1).maxLength(60),
  bankAccountNumber: vine
    .string()
    .trim()
    .regex(/^[0-9-]{6,30}$/),
})

/** An operator's reason for rejecting an application, a product or a seller's change. */
export const rejectionValidator = vine.create({
  reason: text().minLength(5).maxLength(1000),
})
