import { PaymentEvent } from '#events/subject_events'

/** An operator asked to give money back; the refund is recorded before the provider is called. */
export default class RefundRequested extends PaymentEvent {
  static action = 'refund.requested'
}
