import Category from '#models/category'
import Product from '#models/product'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { latestPublication } from '#services/catalog/publications'
import { publishedVersionOf } from '#services/catalog/published_version'
import { reviewChanges } from '#services/catalog/review_changes'

/**
 * What an operator reviews: the product with its whole gallery (every state,
 * in gallery order) and, when it was published before and is not on sale
 * now, what changed since that publication. `categories` names the
 * categories the comparison mentions.
 */
export async function productForReview(id: number) {
  const product = await Product.query()
    .where('id', id)
    .preload('seller')
    .preload('category')
    .preload('variants')
    .preload('media', (media) => media.orderBy('position').orderBy('id'))
    .firstOrFail()
  const publication =
    product.status === ProductStatus.Published ? null : await latestPublication(product.id)
  if (!publication) return { product, publication, changes: null, categories: new Map() }

  const current = publishedVersionOf(product, product.variants, product.media)
  const changes = reviewChanges(publication.snapshot, current)
  const ids = [publication.snapshot.categoryId, product.categoryId]
  const named = await Category.query().whereIn('id', ids)
  const categories = new Map(named.map((category) => [category.id, category]))
  return { product, publication, changes, categories }
}
