import { PaymentEvent } from '#events/subject_events'

/** A payment attempt was started with an adapter. */
export default class PaymentInitiated extends PaymentEvent {
  static action = 'payment.initiated'
}
