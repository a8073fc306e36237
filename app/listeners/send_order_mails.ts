import logger from '@adonisjs/core/services/logger'
import type OrderPlaced from '#events/order_placed'
import type OrderPaid from '#events/order_paid'
import type SellerOrderPaid from '#events/seller_order_paid'
import type SellerOrderShipped from '#events/seller_order_shipped'
import type RefundIssued from '#events/refund_issued'
import SendOrderMail from '#jobs/notifications/send_order_mail'
import type { OrderMailPayload } from '#jobs/notifications/send_order_mail'

/**
 * Queues the order emails: confirmation when an order is placed, a receipt
 * when it is paid, a notice per seller shipment, a "to ship" mail to each
 * seller of a paid order, and a notice per refund that went through. The
 * worker builds and sends them.
 */
export default class SendOrderMails {
  placed(event: OrderPlaced) {
    return this.#queue({ kind: 'placed', id: event.subject.id })
  }

  paid(event: OrderPaid) {
    return this.#queue({ kind: 'paid', id: event.subject.id })
  }

  shipped(event: SellerOrderShipped) {
    return this.#queue({ kind: 'shipped', id: event.subject.id })
  }

  sellerPaid(event: SellerOrderPaid) {
    return this.#queue({ kind: 'to_ship', id: event.subject.id })
  }

  refunded(event: RefundIssued) {
    if (event.refundId === null) return
    return this.#queue({ kind: 'refunded', id: event.refundId })
  }

  /**
   * A mail that cannot be queued is logged, never thrown: the order it is
   * about has already been committed and must not look failed to the shopper.
   */
  async #queue(payload: OrderMailPayload) {
    try {
      await SendOrderMail.dispatch(payload)
    } catch (error) {
      logger.error({ err: error, ...payload }, 'could not queue an order mail')
    }
  }
}
