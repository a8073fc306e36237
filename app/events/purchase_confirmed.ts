import { SellerOrderEvent } from '#events/subject_events'

/** The customer confirmed a purchase (구매확정), or it was confirmed automatically. */
export default class PurchaseConfirmed extends SellerOrderEvent {
  static action = 'seller_order.purchase_confirmed'
}
