import { SellerIdentityChangeEvent } from '#events/seller_identity_change_event'

/** A seller asked to change its verified details; they stay in force until approved. */
export default class SellerIdentityChangeRequested extends SellerIdentityChangeEvent {
  static action = 'seller.identity_change_requested'
}
