import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Seller from '#models/seller'
import Product from '#models/product'
import SellerService from '#services/seller_service'
import ProductService from '#services/catalog/product_service'
import { rejectionValidator } from '#validators/seller'
import ProductTransformer from '#transformers/product_transformer'
import SellerTransformer from '#transformers/seller_transformer'
import { actorFor } from '#audit/actor'

/** The admin API: deciding on products in review and on seller applications. */
@inject()
export default class AdminReviewsController {
  constructor(
    protected products: ProductService,
    protected sellers: SellerService
  ) {}

  async publishProduct({ params, auth, serialize }: HttpContext) {
    const product = await this.products.publish(
      await Product.findOrFail(params.id),
      this.#actor(auth)
    )
    await product.load('variants')
    return serialize(ProductTransformer.transform(product).useVariant('toSellerView'))
  }

  async rejectProduct({ params, auth, request, serialize }: HttpContext) {
    const product = await Product.findOrFail(params.id)
    const { reason } = await request.validateUsing(rejectionValidator)
    await this.products.reject(product, reason, this.#actor(auth))
    await product.load('variants')
    return serialize(ProductTransformer.transform(product).useVariant('toSellerView'))
  }

  async approveSeller({ params, auth, serialize }: HttpContext) {
    const seller = await this.sellers.approve(await Seller.findOrFail(params.id), this.#actor(auth))
    return serialize(SellerTransformer.transform(seller))
  }

  async rejectSeller({ params, auth, request, serialize }: HttpContext) {
    const seller = await Seller.findOrFail(params.id)
    const { reason } = await request.validateUsing(rejectionValidator)
    await this.sellers.reject(seller, reason, this.#actor(auth))
    return serialize(SellerTransformer.transform(seller))
  }

  #actor(auth: HttpContext['auth']) {
    return actorFor(auth.use('api').getUserOrFail())
  }
}
