import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/** The signed-in account as GET /api/v1/me returns it; never the password hash. */
export default class UserTransformer extends BaseTransformer<User> {
  toObject() {
    const user = this.resource
    return {
      ...this.pick(user, ['id', 'email', 'fullName', 'role']),
      // A just-registered user has no phone or locale yet: null, not absent.
      phone: user.phone ?? null,
      locale: user.locale ?? null,
      seller: user.membership?.seller
        ? {
            id: user.membership.seller.id,
            name: user.membership.seller.name,
            status: user.membership.seller.status,
            memberRole: user.membership.role,
          }
        : null,
      createdAt: user.createdAt.toISO(),
    }
  }
}
