import type { HttpContext } from '@adonisjs/core/http'
import { orderForViewer } from '#services/orders/order_lookup'
import OrderTransformer from '#transformers/order_transformer'

/**
 * An order for its owner: the customer's bearer token, or the guest's access
 * key in the X-Order-Key header.
 */
export default class OrdersController {
  async show({ params, request, auth, serialize }: HttpContext) {
    const user = (await auth.use('api').check()) ? auth.use('api').user : null
    const order = await orderForViewer(params.number, {
      user,
      accessKey: request.header('x-order-key'),
    })
    return serialize(OrderTransformer.transform(order))
  }
}
