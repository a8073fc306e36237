import { PaymentEvent } from '#events/subject_events'

/** The provider authorized a payment; it still has to be captured. */
export default class PaymentAuthorized extends PaymentEvent {
  static action = 'payment.authorized'
}
