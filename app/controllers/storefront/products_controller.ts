import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogService from '#services/catalog/catalog_service'
import CategoryService from '#services/catalog/category_service'
import { catalogFilters } from '#validators/catalog'

/** Search results and product pages. */
@inject()
export default class ProductsController {
  constructor(
    protected catalog: CatalogService,
    protected categories: CategoryService
  ) {}

  async index({ request, view }: HttpContext) {
    const filters = await catalogFilters(request.filledQs())
    const [products, tree, sellers] = await Promise.all([
      this.catalog.search(filters),
      this.categories.flat(),
      this.catalog.sellers(),
    ])
    products.baseUrl(request.url())
    products.queryString({ ...request.qs(), page: undefined })
    return view.render('pages/storefront/search', { products, filters, tree, sellers })
  }

  async show({ params, view }: HttpContext) {
    const product = await this.catalog.findProduct(params.slug)
    const breadcrumbs = await this.categories.path(product.category)
    return view.render('pages/storefront/product', { product, breadcrumbs })
  }
}
