import { StateMachine } from '#lifecycles/state_machine'

/** One attempt to pay for an order with one adapter. */
export const PaymentStatus = {
  Pending: 'pending',
  Authorized: 'authorized',
  Captured: 'captured',
  Failed: 'failed',
  Canceled: 'canceled',
  PartiallyRefunded: 'partially_refunded',
  Refunded: 'refunded',
} as const

export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus]

export const PAYMENT_STATUSES = Object.values(PaymentStatus)

/**
 * pending → authorized → captured, or straight to captured; a decline fails
 * the attempt (the shopper may start another); refunds take captured money
 * back in part or in full.
 */
export const paymentLifecycle = new StateMachine('payment', {
  authorize: { from: [PaymentStatus.Pending], to: PaymentStatus.Authorized },
  capture: { from: [PaymentStatus.Pending, PaymentStatus.Authorized], to: PaymentStatus.Captured },
  fail: { from: [PaymentStatus.Pending, PaymentStatus.Authorized], to: PaymentStatus.Failed },
  cancel: { from: [PaymentStatus.Pending, PaymentStatus.Authorized], to: PaymentStatus.Canceled },
  refund_part: {
    from: [PaymentStatus.Captured, PaymentStatus.PartiallyRefunded],
    to: PaymentStatus.PartiallyRefunded,
  },
  refund: {
    from: [PaymentStatus.Captured, PaymentStatus.PartiallyRefunded],
    to: PaymentStatus.Refunded,
  },
} as const)

export type PaymentAction = keyof typeof paymentLifecycle.transitions
