import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogService from '#services/catalog/catalog_service'
import CategoryService from '#services/catalog/category_service'
import { catalogSearchValidator } from '#validators/catalog'
import ProductTransformer from '#transformers/product_transformer'
import CategoryTransformer from '#transformers/category_transformer'

/** The public catalog for headless storefronts: categories and published products. */
@inject()
export default class CatalogController {
  constructor(
    protected catalog: CatalogService,
    protected categories: CategoryService
  ) {}

  async categoriesIndex({ serialize }: HttpContext) {
    return serialize(CategoryTransformer.transform(await this.categories.all()))
  }

  async productsIndex({ request, serialize }: HttpContext) {
    const filters = await request.validateUsing(catalogSearchValidator, {
      data: request.filledQs(),
    })
    const page = await this.catalog.search(filters)
    return serialize(ProductTransformer.paginate(page.all(), page.getMeta()))
  }

  async productsShow({ params, serialize }: HttpContext) {
    const product = await this.catalog.findProduct(params.slug)
    return serialize(ProductTransformer.transform(product).useVariant('toDetail'))
  }
}
