import { SellerOrderEvent } from '#events/subject_events'

/** A seller's part of an order was paid and is ready to ship. */
export default class SellerOrderPaid extends SellerOrderEvent {
  static action = 'seller_order.paid'
}
