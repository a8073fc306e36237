import { SellerOrderEvent } from '#events/subject_events'

/** A seller's parcel was delivered. */
export default class SellerOrderDelivered extends SellerOrderEvent {
  static action = 'seller_order.delivered'
}
