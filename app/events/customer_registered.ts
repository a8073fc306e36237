import { CustomerEvent } from '#events/subject_events'

/** A customer signed up. */
export default class CustomerRegistered extends CustomerEvent {
  static action = 'customer.registered'
}
