/**
 * A refund request: written `pending` before the provider is called, then
 * `succeeded` or `failed` with the provider's answer. Pending and succeeded
 * refunds count against what is still refundable.
 */
export const RefundStatus = {
  Pending: 'pending',
  Succeeded: 'succeeded',
  Failed: 'failed',
} as const

export type RefundStatus = (typeof RefundStatus)[keyof typeof RefundStatus]
