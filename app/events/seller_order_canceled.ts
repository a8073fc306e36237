import { SellerOrderEvent } from '#events/subject_events'

/** A seller's part of an order was canceled. */
export default class SellerOrderCanceled extends SellerOrderEvent {
  static action = 'seller_order.canceled'
}
