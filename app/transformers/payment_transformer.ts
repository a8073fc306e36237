import { BaseTransformer } from '@adonisjs/core/transformers'
import type Payment from '#models/payment'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'

/**
 * A payment attempt in the Store API, with what the shopper must do next:
 * follow a redirect, confirm on the client, or transfer money to an account,
 * and how much of it was refunded.
 */
export default class PaymentTransformer extends BaseTransformer<Payment> {
  toObject() {
    const payment = this.resource
    return {
      id: payment.attemptId,
      method: payment.adapter,
      status: payment.status,
      amount: payment.amount,
      currency: payment.currency,
      refunded: payment.refundedAmount,
      nextAction: nextActionJson(payment),
      methodSummary: payment.methodSummary ?? null,
      failure: payment.failureCode
        ? { code: payment.failureCode, reason: payment.failureReason }
        : null,
    }
  }
}

/** The session the shopper continues with, while the attempt is still open. */
export function nextActionJson(payment: Payment) {
  const session = payment.nextAction
  if (!session || payment.status !== PaymentStatus.Pending) return null
  if (session.type === 'redirect') return { type: 'redirect', url: session.url }
  if (session.type === 'client_confirmation') {
    return { type: 'client_confirmation', clientSecret: session.clientSecret }
  }
  const instructions = session.instructions
  return {
    type: 'bank_transfer',
    bankName: instructions.bankName,
    accountNumber: instructions.accountNumber,
    accountHolder: instructions.accountHolder,
    amount: instructions.amount,
    currency: instructions.currency,
    reference: instructions.reference,
    dueAt: new Date(instructions.dueAt).toISOString(),
  }
}
