import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import CatalogService from '#services/catalog/catalog_service'
import CategoryService from '#services/catalog/category_service'
import { catalogFilters } from '#validators/catalog'

/** A category page: its products (and its subcategories'), with filters. */
@inject()
export default class CategoriesController {
  constructor(
    protected catalog: CatalogService,
    protected categories: CategoryService
  ) {}

  async show({ params, request, view }: HttpContext) {
    const category = await Category.findByOrFail('slug', params.slug)
    const filters = await catalogFilters(request.filledQs())
    const [products, tree, breadcrumbs, sellers] = await Promise.all([
      this.catalog.search({ ...filters, category: String(category.id) }),
      this.categories.flat(),
      this.categories.path(category),
      this.catalog.sellers(),
    ])
    products.baseUrl(request.url())
    products.queryString({ ...request.qs(), page: undefined })
    return view.render('pages/storefront/search', {
      products,
      filters,
      tree,
      category,
      breadcrumbs,
      sellers,
    })
  }
}
