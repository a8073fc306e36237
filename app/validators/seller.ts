import vine from '@vinejs/vine'
import { phone } from '#validators/account'
import { businessNumberRule } from '#validators/rules/business_number'

/** A seller application (입점 신청) or its re-submission after a rejection. */
export const sellerApplicationValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  businessNumber: vine.string().trim().use(businessNumberRule()),
  representative: vine.string().trim().minLength(1).maxLength(60),
  contactEmail: vine.string().trim().toLowerCase().email().maxLength(254),
  contactPhone: phone(),
  description: vine.string().trim().maxLength(2000).optional(),
  bankName: vine.string().trim().minLength(2).maxLength(40),
  bankAccountHolder: vine.string().trim().minLength(1).maxLength(60),
  bankAccountNumber: vine
    .string()
    .trim()
    .regex(/^[0-9-]{6,30}$/),
})

/** An operator's reason for rejecting an application or a product. */
export const rejectionValidator = vine.create({
  reason: vine.string().trim().minLength(5).maxLength(1000),
})
