import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductPolicy from '#policies/product_policy'
import ProductService from '#services/catalog/product_service'
import { productForReview } from '#services/catalog/product_review'
import { rejectionValidator } from '#validators/seller'
import { productListValidator } from '#validators/admin'
import { PRODUCT_STATUSES, ProductStatus, productLifecycle } from '#lifecycles/product_lifecycle'
import { actorFor } from '#audit/actor'
import { listFilters } from '#validators/list_filters'

/** The product review queue (상품 심사). */
@inject()
export default class ProductReviewsController {
  constructor(protected products: ProductService) {}

  async index(ctx: HttpContext) {
    const { request, view } = ctx
    const filters = await listFilters(productListValidator, ctx)
    const status = filters.status ?? ProductStatus.PendingReview
    const products = await Product.query()
      .where('status', status)
      .preload('seller')
      .preload('category')
      .preload('variants')
      .orderBy('submitted_at', 'asc')
      .orderBy('id', 'asc')
      .paginate(filters.page ?? 1, 25)
    products.baseUrl(request.url())
    products.queryString({ status })
    return view.render('pages/admin/products/index', {
      products,
      status,
      statuses: PRODUCT_STATUSES,
    })
  }

  /** A product with its photos and videos in every state, and what changed since it was published. */
  async show({ params, view }: HttpContext) {
    const review = await productForReview(params.id)
    return view.render('pages/admin/products/show', {
      ...review,
      actions: productLifecycle.actionsFrom(review.product.status),
    })
  }

  async publish({ params, auth, bouncer, response, session, i18n }: HttpContext) {
    const product = await Product.findOrFail(params.id)
    await bouncer.with(ProductPolicy).authorize('review')
    await this.products.publish(product, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.product_published', { title: product.title }))
    return response.redirect().toRoute('admin.products.index')
  }

  async reject({ params, auth, bouncer, request, response, session, i18n }: HttpContext) {
    const product = await Product.findOrFail(params.id)
    await bouncer.with(ProductPolicy).authorize('review')
    const { reason } = await request.validateUsing(rejectionValidator)
    await this.products.reject(product, reason, actorFor(auth.getUserOrFail()))
    session.flash('success', i18n.t('messages.admin.product_rejected', { title: product.title }))
    return response.redirect().toRoute('admin.products.index')
  }
}
