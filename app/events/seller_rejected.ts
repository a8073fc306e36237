import { SellerEvent } from '#events/subject_events'

/** An operator rejected a seller application, with a reason. */
export default class SellerRejected extends SellerEvent {
  static action = 'seller.rejected'
}
