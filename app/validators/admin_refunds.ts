import vine from '@vinejs/vine'
import { rowId } from '#validators/rules/bounds'

/**
 * An operator's refund: the amount in major units as typed (₩12,000 or
 * $12.50; the controller converts it to minor units of the payment's
 * currency), a reason for the customer and the audit log, and optionally the
 * seller order whose share is refunded. `form` names the form on the order
 * page that was sent, so errors are shown next to it.
 */
export const refundValidator = vine.create({
  amount: vine.number().positive().max(1_000_000_000),
  reason: vine.string().trim().minLength(3).maxLength(500),
  sellerOrderId: rowId().optional(),
  form: vine
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
})
