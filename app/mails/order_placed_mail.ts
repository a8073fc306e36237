import { BaseMail } from '@adonisjs/mail'
import { composeMail } from './mail_view.js'
import type { OrderMailData } from './order_mail_data.js'

/**
 * Confirms a new order to the customer: items by seller with their shipping
 * fees, totals, the shipping address and, for a bank transfer, where and by
 * when to pay. Send with `mail.sendLater(new OrderPlacedMail(data))`.
 */
export default class OrderPlacedMail extends BaseMail {
  constructor(readonly order: OrderMailData) {
    super()
  }

  async prepare() {
    this.message.to(this.order.email, this.order.customerName)
    await composeMail(this.message, {
      view: 'order_placed',
      locale: this.order.locale,
      currency: this.order.currency,
      subject: ['order_placed.subject', { orderNumber: this.order.orderNumber }],
      data: { order: this.order },
    })
  }
}
