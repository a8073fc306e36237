import { BaseMail } from '@adonisjs/mail'
import { composeMail } from './mail_view.js'
import type { OrderMailData } from './order_mail_data.js'

/**
 * Tells the customer their payment arrived and the sellers are preparing the
 * order (for a bank transfer, the moment the deposit was matched).
 */
export default class OrderPaidMail extends BaseMail {
  constructor(readonly order: OrderMailData) {
    super()
  }

  async prepare() {
    this.message.to(this.order.email, this.order.customerName)
    await composeMail(this.message, {
      view: 'order_paid',
      locale: this.order.locale,
      currency: this.order.currency,
      subject: ['order_paid.subject', { orderNumber: this.order.orderNumber }],
      data: { order: this.order },
    })
  }
}
