import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Seller from '#models/seller'
import Product from '#models/product'
import SellerIdentityChange from '#models/seller_identity_change'
import { SellerStatus } from '#lifecycles/seller_lifecycle'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { IdentityChangeStatus } from '#lifecycles/identity_change_lifecycle'
import { AWAITING_DEPOSIT, countAwaitingDeposit } from '#services/orders/back_office_orders'
import { paymentsInReview } from '#services/payments/payment_timeline'
import { PaymentManager } from '#payments/payment_manager'

/** The operator's front page: what is waiting for review, payments held for review first. */
@inject()
export default class DashboardController {
  constructor(protected payments: PaymentManager) {}

  async show({ view }: HttpContext) {
    const [
      pendingSellers,
      pendingSellerChanges,
      pendingProducts,
      publishedProducts,
      awaitingDeposit,
      review,
    ] = await Promise.all([
      Seller.query().where('status', SellerStatus.Pending).count('* as total'),
      SellerIdentityChange.query()
        .where('status', IdentityChangeStatus.Pending)
        .count('* as total'),
      Product.query().where('status', ProductStatus.PendingReview).count('* as total'),
      Product.query().where('status', ProductStatus.Published).count('* as total'),
      countAwaitingDeposit(),
      paymentsInReview(),
    ])
    return view.render('pages/admin/dashboard', {
      pendingSellers: Number(pendingSellers[0].$extras.total),
      pendingSellerChanges: Number(pendingSellerChanges[0].$extras.total),
      pendingProducts: Number(pendingProducts[0].$extras.total),
      publishedProducts: Number(publishedProducts[0].$extras.total),
      awaitingDeposit,
      awaitingDepositFilter: AWAITING_DEPOSIT,
      review,
      methodLabels: Object.fromEntries(
        this.payments.enabled().map((method) => [method.code, method.label])
      ),
    })
  }
}
