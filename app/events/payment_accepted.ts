import { PaymentEvent } from '#events/subject_events'

/** An admin accepted a payment held for review; the order is paid. */
export default class PaymentAccepted extends PaymentEvent {
  static action = 'payment.accepted'
}
