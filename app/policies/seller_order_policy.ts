import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type SellerOrder from '#models/seller_order'

/**
 * A seller member may only see and work on their own seller's part of an
 * order. For anyone else it does not exist (404), so ids cannot be probed.
 */
export default class SellerOrderPolicy extends BasePolicy {
  manage(user: User, sellerOrder: SellerOrder) {
    if (user.membership?.sellerId === sellerOrder.sellerId) return true
    return AuthorizationResponse.deny('Order not found', 404)
  }
}
