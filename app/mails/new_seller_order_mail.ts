import { BaseMail } from '@adonisjs/mail'
import { composeMail } from './mail_view.js'
import type { SellerOrderMailData } from './order_mail_data.js'

/**
 * Asks a seller, at its contact email, to ship the items of a paid order to
 * the customer's address.
 */
export default class NewSellerOrderMail extends BaseMail {
  constructor(readonly sellerOrder: SellerOrderMailData) {
    super()
  }

  async prepare() {
    this.message.to(this.sellerOrder.sellerEmail, this.sellerOrder.sellerName)
    await composeMail(this.message, {
      view: 'new_seller_order',
      locale: this.sellerOrder.locale,
      currency: this.sellerOrder.currency,
      subject: ['new_seller_order.subject', { orderNumber: this.sellerOrder.orderNumber }],
      data: { sellerOrder: this.sellerOrder, parcels: [this.sellerOrder] },
    })
  }
}
