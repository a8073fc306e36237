import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductPolicy from '#policies/product_policy'
import ProductService from '#services/catalog/product_service'
import {
  productPatchValidator,
  productValidator,
  sellerProductListValidator,
} from '#validators/product'
import ProductTransformer from '#transformers/product_transformer'
import { actorFor } from '#audit/actor'

/** The seller API: the same rules as the seller center. */
@inject()
export default class SellerProductsController {
  constructor(protected products: ProductService) {}

  async index({ seller, request, serialize }: HttpContext) {
    const filters = await request.validateUsing(sellerProductListValidator, {
      data: request.filledQs(),
    })
    const page = await this.products.listForSeller(seller, filters)
    return serialize(
      ProductTransformer.paginate(page.all(), page.getMeta()).useVariant('toSellerView')
    )
  }

  async store({ seller, auth, request, response, serialize }: HttpContext) {
    const input = await request.validateUsing(productValidator)
    const product = await this.products.create(seller, input, this.#actor(auth))
    return response.created(
      await serialize(ProductTransformer.transform(product).useVariant('toSellerView'))
    )
  }

  async show({ params, bouncer, serialize }: HttpContext) {
    const product = await this.#find(params.id, bouncer)
    await product.load('variants')
    return serialize(ProductTransformer.transform(product).useVariant('toSellerView'))
  }

  async update({ params, auth, bouncer, request, serialize }: HttpContext) {
    const product = await this.#find(params.id, bouncer)
    const input = await request.validateUsing(productPatchValidator)
    await this.products.update(product, input, this.#actor(auth))
    return serialize(ProductTransformer.transform(product).useVariant('toSellerView'))
  }

  async submit({ params, auth, bouncer, serialize }: HttpContext) {
    const product = await this.#find(params.id, bouncer)
    await this.products.submit(product, this.#actor(auth))
    await product.load('variants')
    return serialize(ProductTransformer.transform(product).useVariant('toSellerView'))
  }

  #actor(auth: HttpContext['auth']) {
    return actorFor(auth.use('api').getUserOrFail(), { asSeller: true })
  }

  async #find(id: string, bouncer: HttpContext['bouncer']) {
    const product = await Product.findOrFail(id)
    await bouncer.with(ProductPolicy).authorize('manage', product)
    return product
  }
}
