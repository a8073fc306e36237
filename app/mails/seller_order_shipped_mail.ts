import { BaseMail } from '@adonisjs/mail'
import { composeMail } from './mail_view.js'
import type { ShipmentMailData } from './order_mail_data.js'

/**
 * Tells the customer one seller's parcel left, with the carrier, tracking
 * number and tracking link; other sellers of the order ship separately.
 */
export default class SellerOrderShippedMail extends BaseMail {
  constructor(readonly shipment: ShipmentMailData) {
    super()
  }

  async prepare() {
    const { order, sellerName } = this.shipment
    const parcel = order.sellers.find((candidate) => candidate.sellerName === sellerName)
    this.message.to(order.email, order.customerName)
    await composeMail(this.message, {
      view: 'seller_order_shipped',
      locale: order.locale,
      currency: order.currency,
      subject: ['shipped.subject', { orderNumber: order.orderNumber, seller: sellerName }],
      data: { order, shipment: this.shipment, parcels: parcel ? [parcel] : [] },
    })
  }
}
