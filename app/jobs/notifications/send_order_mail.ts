import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { Job, exponentialBackoff } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import type { BaseMail } from '@adonisjs/mail'
import { OrderMailBuilder } from '#services/orders/order_mail_builder'
import SellerOrder from '#models/seller_order'
import OrderPlacedMail from '#mails/order_placed_mail'
import OrderPaidMail from '#mails/order_paid_mail'
import SellerOrderShippedMail from '#mails/seller_order_shipped_mail'
import NewSellerOrderMail from '#mails/new_seller_order_mail'
import RefundIssuedMail from '#mails/refund_issued_mail'

/**
 * Which order mail, about which order (placed, paid), seller order (shipped,
 * to ship) or refund (refunded).
 */
export interface OrderMailPayload {
  kind: 'placed' | 'paid' | 'shipped' | 'to_ship' | 'refunded'
  id: number
}

/**
 * Builds and sends one order mail in the worker, so checkout and shipping
 * requests only enqueue a two-field job: reading the order, rendering both
 * languages' templates and talking to SMTP all happen here, retried on
 * failure.
 */
export default class SendOrderMail extends Job<OrderMailPayload> {
  static options: JobOptions = {
    name: 'SendOrderMail',
    queue: 'default',
    maxRetries: 5,
    retry: { backoff: exponentialBackoff({ baseDelay: '30s', maxDelay: '30m' }) },
    timeout: '2m',
  }

  async execute() {
    const mail = await app.container.make('mail.manager')
    await mail.send(await this.#compose())
  }

  async #compose(): Promise<BaseMail> {
    const builder = await app.container.make(OrderMailBuilder)
    const { kind, id } = this.payload
    if (kind === 'placed') return new OrderPlacedMail(await builder.forOrder(id))
    if (kind === 'paid') return new OrderPaidMail(await builder.forOrder(id))
    if (kind === 'refunded') return new RefundIssuedMail(await builder.forRefund(id))
    const sellerOrder = await SellerOrder.findOrFail(id)
    if (kind === 'shipped')
      return new SellerOrderShippedMail(await builder.forShipment(sellerOrder))
    return new NewSellerOrderMail(await builder.forSeller(sellerOrder))
  }

  async failed(error: Error) {
    logger.error({ err: error, ...this.payload }, 'order mail could not be sent')
  }
}
