import { SavedMethodEvent } from '#events/subject_events'

/** A customer kept a payment method for one-click payments. */
export default class PaymentMethodSaved extends SavedMethodEvent {
  static action = 'customer.payment_method_saved'
}
