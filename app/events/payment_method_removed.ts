import { SavedMethodEvent } from '#events/subject_events'

/** A customer removed a saved payment method (and it was detached at the provider). */
export default class PaymentMethodRemoved extends SavedMethodEvent {
  static action = 'customer.payment_method_removed'
}
