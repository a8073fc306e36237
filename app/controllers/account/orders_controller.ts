import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import { orderHistoryValidator } from '#validators/cart_web'
import { listFilters } from '#validators/list_filters'
import { listedRefund, withRefundSums } from '#services/orders/order_refunds'

const PER_PAGE = 20

/** The customer's order history, newest first, with any refund; each order links to its page. */
export default class OrdersController {
  async index(ctx: HttpContext) {
    const { auth, request, view } = ctx
    const query = await listFilters(orderHistoryValidator, ctx)

    const orders = await withRefundSums(
      Order.query()
        .where('userId', auth.getUserOrFail().id)
        .preload('items')
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
    ).paginate(query.page ?? 1, PER_PAGE)
    orders.baseUrl(request.url())
    return view.render('pages/account/orders', { orders, refundOf: listedRefund })
  }
}
