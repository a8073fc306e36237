/**
 * Reasons Jangteo writes itself on refunds nobody typed: money that arrived
 * for an order that could no longer take it, or a refund made in the
 * provider's dashboard. They are stored in English (the audit log and the
 * provider read them); customers and sellers see them translated by key
 * (refunds.reasons.*), and an operator's own words as typed.
 */
export const SYSTEM_REFUND_REASONS = {
  order_expired: 'The order expired first',
  order_unpayable: 'The order can no longer be paid',
  stranded: 'The order was called off before the payment was recorded',
  external: 'Refunded at the provider, outside Jangteo',
} as const

export type SystemRefundReason = keyof typeof SYSTEM_REFUND_REASONS

/** The key of a reason Jangteo wrote, or null for an operator's own words. */
export function systemRefundReason(reason: string): SystemRefundReason | null {
  const entry = Object.entries(SYSTEM_REFUND_REASONS).find(([, text]) => text === reason)
  return entry ? (entry[0] as SystemRefundReason) : null
}
