import type { PaymentResult } from '#payments/types'
import type { TossAnswer, TossError, TossPayment } from '#payments/adapters/toss_client'
import { tossCardSummary } from '#payments/adapters/toss_billing'

/** Toss's refusal as a decline's code and reason. */
export function tossDecline(error: TossError) {
  return { code: error.code, reason: error.message || error.code }
}

/** A return to the shop that does not belong to the attempt (or is incomplete). */
export function invalidReturn(reason: string): PaymentResult {
  return { status: 'declined', code: 'INVALID_RETURN', reason }
}

/**
 * A Toss Payment object as a result. The reference is the orderId (our
 * attempt id); the amount is Toss's, for the caller to compare with the order.
 */
export function tossPaymentResult(answer: TossAnswer<TossPayment>, reference: string) {
  if (!answer.ok) {
    return {
      status: 'declined',
      ...tossDecline(answer.error),
      providerReference: reference,
    } satisfies PaymentResult
  }
  const payment = answer.data
  const providerReference = payment.orderId
  switch (payment.status) {
    case 'DONE':
    case 'PARTIAL_CANCELED':
      return {
        status: 'captured',
        providerReference,
        amount: payment.totalAmount,
        currency: payment.currency,
        ...(payment.card ? { method: tossCardSummary(payment.card) } : {}),
      } satisfies PaymentResult
    case 'CANCELED':
      return { status: 'canceled', providerReference } satisfies PaymentResult
    case 'ABORTED':
    case 'EXPIRED':
      return {
        status: 'declined',
        code: payment.status,
        reason: `The payment is ${payment.status.toLowerCase()} at Toss Payments`,
        providerReference,
      } satisfies PaymentResult
    default:
      // READY, IN_PROGRESS, WAITING_FOR_DEPOSIT: Toss has not decided yet.
      return { status: 'pending', providerReference } satisfies PaymentResult
  }
}

/** `url` with more query parameters (Toss appends its own after them). */
export function withQuery(url: string, params: Record<string, string>): string {
  const separator = url.includes('?') ? '&' : '?'
  return `${url}${separator}${new URLSearchParams(params)}`
}
