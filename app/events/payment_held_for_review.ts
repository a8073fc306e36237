import { PaymentEvent } from '#events/subject_events'

/** The provider confirmed another amount or currency than the order's; an admin must decide. */
export default class PaymentHeldForReview extends PaymentEvent {
  static action = 'payment.held_for_review'
}
