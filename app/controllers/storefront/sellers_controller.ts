import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogService from '#services/catalog/catalog_service'
import { catalogFilters } from '#validators/catalog'

/** A seller's storefront page with its published products. */
@inject()
export default class SellersController {
  constructor(protected catalog: CatalogService) {}

  async show({ params, request, view }: HttpContext) {
    const seller = await this.catalog.findSellerOrFail(params.slug)
    const filters = await catalogFilters(request.filledQs())
    const products = await this.catalog.search({ ...filters, seller: String(seller.id) })
    products.baseUrl(request.url())
    products.queryString({ ...request.qs(), page: undefined })
    return view.render('pages/storefront/seller', { seller, products, filters })
  }
}
