import type { HttpContext } from '@adonisjs/core/http'
import Order from '#models/order'
import InvalidFiltersException from '#exceptions/invalid_filters_exception'
import { orderHistoryValidator } from '#validators/cart_web'
import { listedRefund, withRefundSums } from '#services/orders/order_refunds'

const PER_PAGE = 20

/** The customer's order history, newest first, with any refund; each order links to its page. */
export default class OrdersController {
  async index({ auth, request, view, i18n }: HttpContext) {
    const [invalid, query] = await orderHistoryValidator.tryValidate(request.filledQs(), {
      messagesProvider: i18n.createMessagesProvider(),
    })
    if (invalid) throw new InvalidFiltersException(invalid.messages)

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
