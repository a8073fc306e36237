import { SellerOrderEvent } from '#events/subject_events'

/** A seller shipped their part of an order (carrier and tracking number). */
export default class SellerOrderShipped extends SellerOrderEvent {
  static action = 'seller_order.shipped'
}
