import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogService from '#services/catalog/catalog_service'
import CategoryService from '#services/catalog/category_service'

/** The storefront's front page: featured and new products, the category tree. */
@inject()
export default class HomeController {
  constructor(
    protected catalog: CatalogService,
    protected categories: CategoryService
  ) {}

  async show({ view }: HttpContext) {
    const [featured, newest, tree] = await Promise.all([
      this.catalog.featured(8),
      this.catalog.newest(8),
      this.categories.tree(),
    ])
    return view.render('pages/storefront/home', { featured, newest, tree })
  }
}
