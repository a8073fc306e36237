import { PaymentEvent } from '#events/subject_events'

/** A payment attempt was declined. */
export default class PaymentFailed extends PaymentEvent {
  static action = 'payment.failed'
}
