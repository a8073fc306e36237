import { BasePolicy } from '@adonisjs/bouncer'
import { AuthorizationResponse } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Product from '#models/product'

/**
 * A seller member may only touch their own seller's products. For anyone
 * else the product does not exist (404), so ids cannot be probed.
 */
export default class ProductPolicy extends BasePolicy {
  manage(user: User, product: Product) {
    if (user.membership?.sellerId === product.sellerId) return true
    return AuthorizationResponse.deny('Product not found', 404)
  }

  review(user: User) {
    return user.isOperator
  }
}
