import { BaseTransformer } from '@adonisjs/core/transformers'
import type Product from '#models/product'
import VariantTransformer from '#transformers/variant_transformer'
import MediaTransformer from '#transformers/media_transformer'

/**
 * A product in the Store API. Lists show the starting price; the detail and
 * the seller endpoints add the variants.
 */
export default class ProductTransformer extends BaseTransformer<Product> {
  toObject() {
    const product = this.resource
    return {
      id: product.id,
      slug: product.slug,
      title: product.title,
      titleEn: product.titleEn,
      categoryId: product.categoryId,
      price: { amount: product.minPrice, currency: product.currency },
      inStock: product.totalStock > 0,
      seller: product.seller
        ? { id: product.seller.id, name: product.seller.name, slug: product.seller.slug }
        : { id: product.sellerId },
      publishedAt: product.publishedAt?.toISO() ?? null,
      // Listings load the cover photo; other views leave it out rather than claim there is none.
      ...('coverMedia' in product.$preloaded
        ? {
            cover: product.coverMedia ? new MediaTransformer(product.coverMedia).toObject() : null,
          }
        : {}),
    }
  }

  toDetail() {
    const product = this.resource
    return {
      ...this.toObject(),
      description: product.description,
      descriptionEn: product.descriptionEn,
      variants: product.variants.map((variant) =>
        new VariantTransformer(variant, product.currency).toObject()
      ),
      ...('media' in product.$preloaded
        ? { media: product.media.map((media) => new MediaTransformer(media).toObject()) }
        : {}),
    }
  }

  /** What the owning seller sees: review status and reason, timestamps. */
  toSellerView() {
    const product = this.resource
    return {
      ...this.toDetail(),
      status: product.status,
      // Unset (not null) on a product created in this request.
      rejectionReason: product.rejectionReason ?? null,
      submittedAt: product.submittedAt?.toISO() ?? null,
      createdAt: product.createdAt.toISO(),
      updatedAt: product.updatedAt?.toISO() ?? null,
    }
  }
}
