import { SellerIdentityChangeEvent } from '#events/seller_identity_change_event'

/** A seller withdrew its pending change request (by sending another one, restoring the values in force, or explicitly). */
export default class SellerIdentityChangeWithdrawn extends SellerIdentityChangeEvent {
  static action = 'seller.identity_change_withdrawn'
}
