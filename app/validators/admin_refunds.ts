import vine from '@vinejs/vine'
import { rowId } from '#validators/rules/bounds'

/** What vine.boolean() reads as true: a checked checkbox sends "on" (or the value it was given). */
const CHECKED = [true, 1, '1', 'true', 'on']

/**
 * An operator's refund: the amount in major units as typed (₩12,000 or
 * $12.50; the controller converts it to minor units of the payment's
 * currency), a reason for the customer and the audit log, optionally the
 * seller order whose share is refunded and the ordered items it gives back
 * (a quantity of 0 leaves an item out), and the override of 구매확정: a
 * ticked `override` with the reason money promised to a seller goes back.
 * `form` names the form on the order page that was sent, so errors are shown
 * next to it.
 */
export const refundValidator = vine.create({
  amount: vine.number().positive().max(1_000_000_000),
  reason: vine.string().trim().minLength(3).maxLength(500),
  sellerOrderId: rowId().optional(),
  items: vine
    .array(
      vine.object({
        orderItemId: rowId(),
        quantity: vine.number().withoutDecimals().min(0).max(10_000),
      })
    )
    .maxLength(500)
    .distinct('orderItemId')
    .optional(),
  override: vine.boolean().optional(),
  overrideReason: vine
    .string()
    .trim()
    .minLength(3)
    .maxLength(500)
    .optional()
    .requiredWhen((field) => CHECKED.includes(field.parent.override)),
  form: vine
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
})
