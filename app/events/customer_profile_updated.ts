import { CustomerEvent } from '#events/subject_events'

/** A customer changed their name, phone, language or password. */
export default class CustomerProfileUpdated extends CustomerEvent {
  static action = 'customer.profile_updated'
}
