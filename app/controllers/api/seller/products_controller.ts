import { inject } from '@adonisjs/core'
import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductPolicy from '#policies/product_policy'
import ProductService from '#services/catalog/product_service'
import { productPatchValidator, productValidator } from '#validators/product'
import ProductTransformer from '#transformers/product_transformer'
import { PRODUCT_STATUSES } from '#lifecycles/product_lifecycle'
import { actorFor } from '#audit/actor'

const listValidator = vine.create({
  status: vine.enum(PRODUCT_STATUSES).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})

/** The seller API: the same rules as the seller center. */
@inject()
export default class SellerProductsController {
  constructor(protected products: ProductService) {}

  async index({ seller, request, serialize }: HttpContext) {
    const filters = await request.validateUsing(listValidator, { data: request.filledQs() })
    const page = await seller
      .related('products')
      .query()
      .if(filters.status, (query) => query.where('status', filters.status!))
      .preload('variants')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
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
