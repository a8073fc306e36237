import { AddressEvent } from '#events/subject_events'

/** A customer removed a shipping address. */
export default class CustomerAddressRemoved extends AddressEvent {
  static action = 'customer.address_removed'
}
