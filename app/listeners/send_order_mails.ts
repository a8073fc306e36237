import { inject } from '@adonisjs/core'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import type { BaseMail } from '@adonisjs/mail'
import type OrderPlaced from '#events/order_placed'
import type OrderPaid from '#events/order_paid'
import type SellerOrderPaid from '#events/seller_order_paid'
import type SellerOrderShipped from '#events/seller_order_shipped'
import { OrderMailBuilder } from '#services/orders/order_mail_builder'
import OrderPlacedMail from '#mails/order_placed_mail'
import OrderPaidMail from '#mails/order_paid_mail'
import SellerOrderShippedMail from '#mails/seller_order_shipped_mail'
import NewSellerOrderMail from '#mails/new_seller_order_mail'

/**
 * Queues the order emails: confirmation when an order is placed, a receipt
 * when it is paid, a notice per seller shipment, and a "to ship" mail to
 * each seller of a paid order. Sending happens in the queue worker.
 */
@inject()
export default class SendOrderMails {
  constructor(protected builder: OrderMailBuilder) {}

  placed(event: OrderPlaced) {
    return this.#queue(
      async () => new OrderPlacedMail(await this.builder.forOrder(event.subject.id))
    )
  }

  paid(event: OrderPaid) {
    return this.#queue(async () => new OrderPaidMail(await this.builder.forOrder(event.subject.id)))
  }

  shipped(event: SellerOrderShipped) {
    return this.#queue(
      async () => new SellerOrderShippedMail(await this.builder.forShipment(event.subject))
    )
  }

  sellerPaid(event: SellerOrderPaid) {
    return this.#queue(
      async () => new NewSellerOrderMail(await this.builder.forSeller(event.subject))
    )
  }

  /**
   * A mail that cannot be queued is logged, never thrown: the order it is
   * about has already been committed and must not look failed to the shopper.
   */
  async #queue(build: () => Promise<BaseMail>) {
    try {
      await mail.sendLater(await build())
    } catch (error) {
      logger.error({ err: error }, 'could not queue an order mail')
    }
  }
}
