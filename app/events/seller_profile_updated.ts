import { SellerEvent } from '#events/subject_events'

/** A seller changed its contact details or description (verified details go through a change request). */
export default class SellerProfileUpdated extends SellerEvent {
  static action = 'seller.profile_updated'
}
