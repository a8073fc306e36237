import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import SellerOrder from '#models/seller_order'
import { PRODUCT_STATUSES } from '#lifecycles/product_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { countToShipWithRefunds } from '#services/orders/order_refunds'

/**
 * The seller center's front page: orders to ship (and how many of them have
 * refunds), products by status, recent changes.
 */
export default class DashboardController {
  async show({ seller, view }: HttpContext) {
    const rows = await Product.query()
      .where('seller_id', seller.id)
      .groupBy('status')
      .select('status')
      .count('* as total')
    const counts = Object.fromEntries(PRODUCT_STATUSES.map((status) => [status, 0]))
    for (const row of rows) counts[row.status] = Number(row.$extras.total)
    const recent = await Product.query()
      .where('seller_id', seller.id)
      .orderBy('updated_at', 'desc')
      .limit(5)
    const toShip = await SellerOrder.query()
      .where('seller_id', seller.id)
      .where('status', SellerOrderStatus.ToShip)
      .count('* as count')
    return view.render('pages/seller/dashboard', {
      counts,
      recent,
      toShip: Number(toShip[0].$extras.count),
      toShipWithRefunds: await countToShipWithRefunds(seller.id),
    })
  }
}
