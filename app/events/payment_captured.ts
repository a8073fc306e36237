import { PaymentEvent } from '#events/subject_events'

/** The money of a payment was captured (or a bank transfer received). */
export default class PaymentCaptured extends PaymentEvent {
  static action = 'payment.captured'
}
