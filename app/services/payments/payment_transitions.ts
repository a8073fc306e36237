import db from '@adonisjs/lucid/services/db'
import Payment from '#models/payment'
import type { Actor } from '#audit/actor'
import { paymentLifecycle, type PaymentAction } from '#lifecycles/payment_lifecycle'
import { transitionRow } from '#services/orders/row_transition'
import PaymentAuthorized from '#events/payment_authorized'
import PaymentCaptured from '#events/payment_captured'
import PaymentFailed from '#events/payment_failed'
import PaymentCanceled from '#events/payment_canceled'
import PaymentHeldForReview from '#events/payment_held_for_review'
import PaymentAccepted from '#events/payment_accepted'
import RefundIssued from '#events/refund_issued'

/** The typed event each payment transition records in the audit log. */
const EVENTS = {
  authorize: PaymentAuthorized,
  capture: PaymentCaptured,
  fail: PaymentFailed,
  cancel: PaymentCanceled,
  hold: PaymentHeldForReview,
  accept: PaymentAccepted,
  refund: RefundIssued,
  refund_part: RefundIssued,
} as const

/**
 * Moves a payment with one conditional UPDATE and, when this caller moved
 * it, records the transition's event in the same transaction. False when someone else already did,
 * so a result applied twice changes nothing the second time.
 */
export async function applyPaymentAction(
  payment: Payment,
  action: PaymentAction,
  actor: Actor,
  columns: Record<string, unknown> = {}
): Promise<boolean> {
  const before = payment.status
  const moved = await db.transaction(async (trx) => {
    if (!(await transitionRow(trx, 'payments', payment.id, paymentLifecycle, action, columns))) {
      return false
    }
    const fresh = await Payment.findOrFail(payment.id, { client: trx })
    await EVENTS[action].record(trx, fresh, actor, {
      before: { status: before },
      after: {
        status: fresh.status,
        capturedAmount: fresh.capturedAmount,
        refundedAmount: fresh.refundedAmount,
        failureCode: fresh.failureCode,
      },
    })
    return true
  })
  if (moved) await payment.refresh()
  return moved
}
