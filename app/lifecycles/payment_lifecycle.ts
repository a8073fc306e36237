import { StateMachine } from '#lifecycles/state_machine'

/** One attempt to pay for an order with one adapter. */
export const PaymentStatus = {
  Pending: 'pending',
  Authorized: 'authorized',
  Captured: 'captured',
  Failed: 'failed',
  /** The provider confirmed another amount or currency than the order's; an admin decides. */
  Review: 'review',
  Canceled: 'canceled',
  PartiallyRefunded: 'partially_refunded',
  Refunded: 'refunded',
} as const

export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus]

export const PAYMENT_STATUSES = Object.values(PaymentStatus)

/**
 * pending → authorized → captured, or straight to captured; a decline fails
 * the attempt (the shopper may start another); refunds take captured money
 * back in part or in full. A confirmation whose amount or currency differs
 * from the order's, or money captured for an attempt we had already closed,
 * is held for review: an admin accepts it (captured) or refunds it.
 */
export const paymentLifecycle = new StateMachine('payment', {
  authorize: { from: [PaymentStatus.Pending], to: PaymentStatus.Authorized },
  capture: { from: [PaymentStatus.Pending, PaymentStatus.Authorized], to: PaymentStatus.Captured },
  fail: { from: [PaymentStatus.Pending, PaymentStatus.Authorized], to: PaymentStatus.Failed },
  cancel: { from: [PaymentStatus.Pending, PaymentStatus.Authorized], to: PaymentStatus.Canceled },
  hold: {
    from: [
      PaymentStatus.Pending,
      PaymentStatus.Authorized,
      PaymentStatus.Failed,
      PaymentStatus.Canceled,
    ],
    to: PaymentStatus.Review,
  },
  accept: { from: [PaymentStatus.Review], to: PaymentStatus.Captured },
  refund_part: {
    from: [PaymentStatus.Captured, PaymentStatus.PartiallyRefunded, PaymentStatus.Review],
    to: PaymentStatus.PartiallyRefunded,
  },
  refund: {
    from: [PaymentStatus.Captured, PaymentStatus.PartiallyRefunded, PaymentStatus.Review],
    to: PaymentStatus.Refunded,
  },
} as const)

export type PaymentAction = keyof typeof paymentLifecycle.transitions
