import vine from '@vinejs/vine'
import { ORDER_STATUSES } from '#lifecycles/order_lifecycle'

/**
 * Filters of the back office's order list. `method` is any adapter code, not
 * only the enabled ones: old orders keep the code of a retired adapter.
 * `q` is an order number or a customer email.
 */
export const orderListValidator = vine.create({
  status: vine.enum(ORDER_STATUSES).optional(),
  method: vine
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional(),
  q: vine.string().trim().maxLength(254).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})

/** An operator calling an order off: the reason lands on the order and in the audit log. */
export const cancelOrderValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(500),
})
