import { SellerIdentityChangeEvent } from '#events/seller_identity_change_event'

/** An operator approved a seller's change request and its values took effect. */
export default class SellerIdentityChangeApproved extends SellerIdentityChangeEvent {
  static action = 'seller.identity_change_approved'
}
