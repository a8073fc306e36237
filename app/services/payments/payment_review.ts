import type Payment from '#models/payment'
import type { Actor } from '#audit/actor'
import type { PaymentManager } from '#payments/payment_manager'
import type { ConfirmedAmount, PaymentResult } from '#payments/types'
import { applyPaymentAction } from '#services/payments/payment_transitions'

/**
 * The provider confirmed another amount or currency than the order's (a
 * tampered amount, a provider-side discount). Captured money is held for
 * review, with what was confirmed recorded, and the admins are alerted by
 * the PaymentHeldForReview listener; the order is not marked paid. An
 * authorization is voided at the provider instead, since nothing was taken.
 */
export async function holdMismatch(
  manager: PaymentManager,
  payment: Payment,
  result: PaymentResult & ConfirmedAmount,
  actor: Actor
): Promise<Payment> {
  const reason =
    `The provider confirmed ${result.amount} ${result.currency}, ` +
    `expected ${payment.amount} ${payment.currency}`
  if (result.status === 'authorized') {
    await manager.use(payment.adapter).cancel({
      attemptId: payment.attemptId,
      idempotencyKey: `${payment.attemptId}:cancel`,
      providerReference: result.providerReference,
      reason,
    })
    await applyPaymentAction(payment, 'fail', actor, {
      provider_reference: result.providerReference,
      failure_code: 'amount_mismatch',
      failure_reason: reason,
    })
    return payment.refresh()
  }
  await applyPaymentAction(payment, 'hold', actor, {
    provider_reference: result.providerReference,
    method_summary: 'method' in result && result.method ? JSON.stringify(result.method) : null,
    captured_amount: result.amount,
    currency: result.currency,
    failure_code: result.currency === payment.currency ? 'amount_mismatch' : 'currency_mismatch',
    failure_reason: reason,
  })
  return payment.refresh()
}
