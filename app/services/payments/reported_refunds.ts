import { inject } from '@adonisjs/core'
import type Payment from '#models/payment'
import PaymentRefund from '#models/payment_refund'
import type { Actor } from '#audit/actor'
import { PaymentManager } from '#payments/payment_manager'
import { RefundStatus } from '#lifecycles/refund_status'
import { RefundService } from '#services/payments/refund_service'
import { isUniqueViolation } from '#services/validation'
import { SYSTEM_REFUND_REASONS } from '#services/payments/refund_reasons'

/** A refund as a provider's webhook reports it. */
export interface RefundReport {
  refundReference: string
  succeeded: boolean
  amount?: number
  currency?: string
}

/**
 * Applies what providers report about refunds, so the books match the
 * provider's: a refund it answered `pending` is finished; one reported before
 * our call returned is matched to its pending row; one made outside Jangteo
 * (the provider's dashboard) is recorded. Each report applies once.
 */
@inject()
export class ReportedRefunds {
  readonly refunds: RefundService

  constructor(manager: PaymentManager) {
    this.refunds = new RefundService(manager)
  }

  /** True when the report changed something. */
  async apply(payment: Payment, report: RefundReport, actor: Actor): Promise<boolean> {
    const known = await PaymentRefund.query()
      .where({ paymentId: payment.id, providerRefundReference: report.refundReference })
      .first()
    const pending =
      known ?? (report.succeeded ? await this.#unanswered(payment, report.amount) : null)
    if (pending) {
      if (pending.status !== RefundStatus.Pending) return false
      const outcome = report.succeeded
        ? { succeeded: true as const, reference: report.refundReference }
        : { succeeded: false as const, reason: 'The provider reported the refund as failed' }
      await this.refunds.finish(payment, pending, outcome, actor)
      return true
    }
    if (!report.succeeded || report.amount === undefined) return false
    return this.#recordExternal(payment, report, actor)
  }

  /** Our pending refund of that amount whose provider answer has not come back yet. */
  #unanswered(payment: Payment, amount: number | undefined) {
    if (amount === undefined) return null
    return PaymentRefund.query()
      .where({ paymentId: payment.id, status: RefundStatus.Pending, amount })
      .whereNull('providerRefundReference')
      .orderBy('id')
      .first()
  }

  /**
   * A refund made at the provider, not through Jangteo: recorded as the
   * provider's, keyed by its id so a second delivery records nothing, and only
   * when it fits in what was captured.
   */
  async #recordExternal(payment: Payment, report: RefundReport, actor: Actor) {
    const refundable = await this.refunds.refundable(payment)
    if (report.amount! > refundable || report.currency !== payment.currency) return false
    let refund: PaymentRefund
    try {
      refund = await PaymentRefund.create({
        paymentId: payment.id,
        status: RefundStatus.Pending,
        amount: report.amount!,
        currency: payment.currency,
        reason: SYSTEM_REFUND_REASONS.external,
        idempotencyKey: `${payment.attemptId}:refund:external:${report.refundReference}`,
        requestedById: null,
      })
    } catch (error) {
      if (isUniqueViolation(error)) return false
      throw error
    }
    const outcome = { succeeded: true as const, reference: report.refundReference }
    await this.refunds.finish(payment, refund, outcome, actor)
    return true
  }
}
