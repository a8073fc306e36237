import { PaymentEvent } from '#events/subject_events'

/** A payment attempt was canceled before any money moved. */
export default class PaymentCanceled extends PaymentEvent {
  static action = 'payment.canceled'
}
