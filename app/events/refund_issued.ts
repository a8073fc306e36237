import { PaymentEvent } from '#events/subject_events'

/** Captured money was given back, in part or in full. */
export default class RefundIssued extends PaymentEvent {
  static action = 'payment.refunded'
}
