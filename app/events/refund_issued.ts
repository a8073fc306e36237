import { PaymentEvent } from '#events/subject_events'

/** Captured money was given back, in part or in full. */
export default class RefundIssued extends PaymentEvent {
  static action = 'payment.refunded'

  /** The refund that went through, as its change records it (the customer's mail is about it). */
  get refundId(): number | null {
    const id = this.change.after.refundId
    return typeof id === 'number' ? id : null
  }
}
