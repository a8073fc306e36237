import { InvalidWebhookSignatureException } from '#payments/errors'
import type { VerifiedEvent, WebhookInput } from '#payments/types'
import type { TossClient, TossPayment } from '#payments/adapters/toss_client'

const TYPES: Record<string, VerifiedEvent['type']> = {
  DONE: 'payment.captured',
  CANCELED: 'payment.canceled',
  PARTIAL_CANCELED: 'refund.succeeded',
  ABORTED: 'payment.failed',
  EXPIRED: 'payment.failed',
}

/**
 * Verifies a PAYMENT_STATUS_CHANGED webhook. Toss signs only its payout and
 * seller webhooks, so a payment event is trusted the way Toss documents: by
 * fetching the payment with the secret key. The event reports what Toss
 * answers, never what the body claims: a body claiming DONE for a payment
 * that is not done reports its real status, and a late event reports the
 * payment as it is now. A payment Toss does not have, or one whose orderId
 * differs from the body's, is refused as forged.
 */
export async function verifyTossWebhook(
  client: TossClient,
  input: WebhookInput
): Promise<VerifiedEvent> {
  const forged = (why: string) =>
    new InvalidWebhookSignatureException(`Refused a Toss Payments webhook: ${why}`)
  let event: { eventType?: unknown; createdAt?: unknown; data?: Partial<TossPayment> }
  try {
    event = JSON.parse(input.rawBody)
  } catch {
    throw forged('the body is not JSON')
  }
  const claimed = event.data
  if (event.eventType !== 'PAYMENT_STATUS_CHANGED' || typeof claimed?.paymentKey !== 'string') {
    throw forged('not a PAYMENT_STATUS_CHANGED event with a paymentKey')
  }
  const found = await client.get<TossPayment>(
    `/v1/payments/${encodeURIComponent(claimed.paymentKey)}`
  )
  if (!found.ok) throw forged(`Toss has no payment ${claimed.paymentKey} (${found.error.code})`)
  const payment = found.data
  if (payment.orderId !== claimed.orderId) {
    throw forged(`payment ${payment.paymentKey} belongs to another order`)
  }
  const lastCancel = payment.cancels?.at(-1)
  const refunded = payment.status === 'PARTIAL_CANCELED' && lastCancel
  const createdAt = new Date(String(event.createdAt))
  return {
    id: `toss:${payment.paymentKey}:${payment.status}:${payment.balanceAmount}`,
    type: TYPES[payment.status] ?? 'other',
    providerReference: payment.orderId,
    amount: refunded ? lastCancel.cancelAmount : payment.totalAmount,
    currency: payment.currency,
    occurredAt: Number.isNaN(createdAt.getTime()) ? new Date() : createdAt,
  }
}
