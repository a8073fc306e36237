import { BaseTransformer } from '@adonisjs/core/transformers'
import type PaymentRefund from '#models/payment_refund'

/**
 * A refund as the back office's refund endpoint answers a JSON client:
 * what was asked, how it ended, the items it gives back and, for a refund
 * after 구매확정, the admin's override reason. Expects items loaded.
 */
export default class RefundTransformer extends BaseTransformer<PaymentRefund> {
  toObject() {
    const refund = this.resource
    return {
      id: refund.id,
      paymentId: refund.paymentId,
      sellerOrderId: refund.sellerOrderId,
      status: refund.status,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
      overrideReason: refund.overrideReason,
      items: refund.items.map((item) => ({
        orderItemId: item.orderItemId,
        quantity: item.quantity,
      })),
      failure: refund.failureCode
        ? { code: refund.failureCode, reason: refund.failureReason }
        : null,
      requestedAt: refund.createdAt.toISO(),
      refundedAt: refund.refundedAt?.toISO() ?? null,
    }
  }
}
