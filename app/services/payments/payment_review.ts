import type Payment from '#models/payment'
import type { Actor } from '#audit/actor'
import type { PaymentManager } from '#payments/payment_manager'
import type { ConfirmedAmount, PaymentResult } from '#payments/types'
import { applyPaymentAction } from '#services/payments/payment_transitions'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'

/**
 * Money we cannot simply book: the provider confirmed another amount or
 * currency than the order's (a tampered amount, a provider-side discount),
 * or it captured money for an attempt we had already failed or canceled (a
 * stale payment tab). Captured money is held for review with what was
 * confirmed, the admins are alerted by the PaymentHeldForReview listener, and
 * the order is not marked paid. An authorization is voided at the provider
 * instead, since nothing was taken.
 */
export async function holdForReview(
  manager: PaymentManager,
  payment: Payment,
  result: PaymentResult & ConfirmedAmount,
  actor: Actor
): Promise<Payment> {
  const closed = CLOSED_STATUSES.includes(payment.status)
  const confirmed = `${result.amount} ${result.currency}`
  const reason = closed
    ? `The provider took ${confirmed} for an attempt that was already ${payment.status}`
    : `The provider confirmed ${confirmed}, expected ${payment.amount} ${payment.currency}`
  if (result.status === 'authorized') {
    await manager.use(payment.adapter).cancel({
      attemptId: payment.attemptId,
      idempotencyKey: `${payment.attemptId}:cancel`,
      providerReference: result.providerReference,
      reason,
    })
    if (!closed) {
      await applyPaymentAction(payment, 'fail', actor, {
        provider_reference: result.providerReference,
        failure_code: 'amount_mismatch',
        failure_reason: reason,
      })
    }
    return payment.refresh()
  }
  const sameCurrency = result.currency === payment.currency
  await applyPaymentAction(payment, 'hold', actor, {
    provider_reference: result.providerReference,
    method_summary: 'method' in result && result.method ? JSON.stringify(result.method) : null,
    captured_amount: result.amount,
    currency: result.currency,
    failure_code: closed ? 'late_capture' : sameCurrency ? 'amount_mismatch' : 'currency_mismatch',
    failure_reason: reason,
  })
  return payment.refresh()
}

/** Attempts that are over without money: money arriving for them needs a person. */
export const CLOSED_STATUSES: PaymentStatus[] = [PaymentStatus.Failed, PaymentStatus.Canceled]
