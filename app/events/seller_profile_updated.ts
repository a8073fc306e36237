import { SellerEvent } from '#events/subject_events'

/** A seller changed its store details or payout account. */
export default class SellerProfileUpdated extends SellerEvent {
  static action = 'seller.profile_updated'
}
