import { BasePolicy } from '@adonisjs/bouncer'
import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Address from '#models/address'

/** Customers edit only their own addresses; others' do not exist for them. */
export default class AddressPolicy extends BasePolicy {
  manage(user: User, address: Address) {
    if (address.userId === user.id) return true
    return AuthorizationResponse.deny('Address not found', 404)
  }
}
