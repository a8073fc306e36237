import { SellerEvent } from '#events/subject_events'

/** Someone applied to sell (입점 신청), or re-applied after a rejection. */
export default class SellerApplied extends SellerEvent {
  static action = 'seller.applied'
}
