import { BaseMail } from '@adonisjs/mail'
import { composeMail } from './mail_view.js'
import type { RefundMailData } from './order_mail_data.js'

/**
 * Tells the customer a refund went through: how much, when, why, for which
 * seller and items, and what the order cost after all its refunds.
 */
export default class RefundIssuedMail extends BaseMail {
  constructor(readonly refund: RefundMailData) {
    super()
  }

  async prepare() {
    const { order } = this.refund
    this.message.to(order.email, order.customerName)
    await composeMail(this.message, {
      view: 'refund_issued',
      locale: order.locale,
      currency: order.currency,
      subject: ['refund_issued.subject', { orderNumber: order.orderNumber }],
      data: {
        order,
        refund: this.refund.refund,
        paid: this.refund.paid,
        refunded: this.refund.refunded,
      },
    })
  }
}
