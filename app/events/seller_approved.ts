import { SellerEvent } from '#events/subject_events'

/** An operator approved a seller application. */
export default class SellerApproved extends SellerEvent {
  static action = 'seller.approved'
}
