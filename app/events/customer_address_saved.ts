import { AddressEvent } from '#events/subject_events'

/** A customer added or edited a shipping address. */
export default class CustomerAddressSaved extends AddressEvent {
  static action = 'customer.address_saved'
}
