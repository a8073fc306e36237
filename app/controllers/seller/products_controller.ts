import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductPolicy from '#policies/product_policy'
import ProductService from '#services/catalog/product_service'
import CategoryService from '#services/catalog/category_service'
import MediaService from '#services/media_service'
import mediaConfig from '#config/media'
import { productFormValidator, sellerProductListValidator } from '#validators/product'
import {
  EDITABLE_PRODUCT_STATUSES,
  PRODUCT_STATUSES,
  productLifecycle,
} from '#lifecycles/product_lifecycle'
import { actorFor } from '#audit/actor'
import {
  FORM_OPTION_SLOTS,
  productFormValues,
  productInputFromForm,
  withoutBlankRows,
} from '#services/catalog/product_form'
import { listFilters } from '#validators/list_filters'

/** The seller's own products: list, create, edit, and send to review. */
@inject()
export default class ProductsController {
  constructor(
    protected products: ProductService,
    protected categories: CategoryService,
    protected media: MediaService
  ) {}

  async index(ctx: HttpContext) {
    const { seller, request, view } = ctx
    const filters = await listFilters(sellerProductListValidator, ctx)
    const products = await this.products.listForSeller(seller, filters)
    products.baseUrl(request.url())
    products.queryString({ status: filters.status })
    return view.render('pages/seller/products/index', {
      products,
      filters,
      statuses: PRODUCT_STATUSES,
    })
  }

  async create({ view }: HttpContext) {
    return view.render('pages/seller/products/form', {
      product: null,
      values: { optionNames: [], variants: [] },
      categories: await this.categories.flat(),
      optionSlots: FORM_OPTION_SLOTS,
    })
  }

  async store({ seller, auth, request, response, session, i18n }: HttpContext) {
    const form = await request.validateUsing(productFormValidator, {
      data: withoutBlankRows(request.all()),
    })
    const product = await this.products.create(
      seller,
      productInputFromForm(form),
      actorFor(auth.getUserOrFail(), { asSeller: true })
    )
    session.flash('success', i18n.t('messages.seller.product_saved'))
    return response.redirect().toRoute('seller.products.edit', { id: product.id })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    const product = await this.#find(params.id, bouncer)
    await product.load('variants')
    return view.render('pages/seller/products/form', {
      product,
      values: productFormValues(product),
      categories: await this.categories.flat(),
      optionSlots: FORM_OPTION_SLOTS,
      actions: productLifecycle.actionsFrom(product.status),
      editable: EDITABLE_PRODUCT_STATUSES.includes(product.status),
      media: await this.media.forProduct(product),
      mediaLimits: mediaConfig.limits,
    })
  }

  async update({ params, auth, bouncer, request, response, session, i18n }: HttpContext) {
    const product = await this.#find(params.id, bouncer)
    const form = await request.validateUsing(productFormValidator, {
      data: withoutBlankRows(request.all()),
    })
    await this.products.update(
      product,
      productInputFromForm(form),
      actorFor(auth.getUserOrFail(), { asSeller: true })
    )
    session.flash('success', i18n.t('messages.seller.product_saved'))
    return response.redirect().toRoute('seller.products.edit', { id: product.id })
  }

  async submit(ctx: HttpContext) {
    return this.#act(ctx, 'submit')
  }

  async archive(ctx: HttpContext) {
    return this.#act(ctx, 'archive')
  }

  async restore(ctx: HttpContext) {
    return this.#act(ctx, 'restore')
  }

  async #act(
    { params, auth, bouncer, response, session, i18n }: HttpContext,
    action: 'submit' | 'archive' | 'restore'
  ) {
    const product = await this.#find(params.id, bouncer)
    await this.products[action](product, actorFor(auth.getUserOrFail(), { asSeller: true }))
    session.flash('success', i18n.t(`messages.seller.product_${action}`))
    return response.redirect().toRoute('seller.products.edit', { id: product.id })
  }

  /** Loads one of this seller's products; any other id is a 404. */
  async #find(id: string, bouncer: HttpContext['bouncer']) {
    const product = await Product.findOrFail(id)
    await bouncer.with(ProductPolicy).authorize('manage', product)
    return product
  }
}
