import { SellerIdentityChangeEvent } from '#events/seller_identity_change_event'

/** An operator rejected a seller's change request; the verified details stay. */
export default class SellerIdentityChangeRejected extends SellerIdentityChangeEvent {
  static action = 'seller.identity_change_rejected'
}
