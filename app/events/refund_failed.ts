import { PaymentEvent } from '#events/subject_events'

/** The provider refused a refund; the payment is unchanged and the reason is kept. */
export default class RefundFailed extends PaymentEvent {
  static action = 'refund.failed'
}
