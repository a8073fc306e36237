import type Payment from '#models/payment'
import type { Actor } from '#audit/actor'
import type { PaymentManager } from '#payments/payment_manager'
import type { ConfirmedAmount, PaymentResult } from '#payments/types'
import { applyPaymentAction } from '#services/payments/payment_transitions'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import Order from '#models/order'
import { markOrderPaid } from '#services/orders/order_paid'
// Type only: PaymentService imports this module.
import type { PaymentService } from '#services/payments/payment_service'
import { SYSTEM_REFUND_REASONS } from '#services/payments/refund_reasons'

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

/**
 * An admin accepts a payment held for review (the provider took another
 * amount than the order's, and the shop keeps it): the payment counts as
 * captured and the order is paid; if the order can no longer be paid, or
 * another attempt paid it meanwhile, the money goes back. Money in another
 * currency cannot be accepted; it can only be refunded.
 */
export async function acceptHeld(payments: PaymentService, payment: Payment, actor: Actor) {
  const order = await Order.findOrFail(payment.orderId)
  if (payment.currency !== order.currency) {
    throw new InvalidTransitionException(
      'This payment is in another currency than its order; refund it instead'
    )
  }
  if (await applyPaymentAction(payment, 'accept', actor)) {
    await payment.refresh()
    if (!(await markOrderPaid(payment.orderId, actor))) {
      await payments.refund(
        payment,
        payment.capturedAmount,
        SYSTEM_REFUND_REASONS.order_unpayable,
        actor
      )
    }
  }
  return payment.refresh()
}
