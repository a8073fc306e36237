import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Media from '#models/media'
import type Product from '#models/product'
import ProductPublication from '#models/product_publication'
import ProductVariant from '#models/product_variant'
import type { Actor } from '#audit/actor'
import { publishedVersionOf } from '#services/catalog/published_version'

/*
 * Publications: what was published, kept when it is published, and read back
 * when the product returns to review.
 */

/** The product's variants and gallery as stored now (inside `trx` when given). */
async function currentVersion(product: Product, trx?: TransactionClientContract) {
  const client = trx ? { client: trx } : {}
  const variants = await ProductVariant.query(client)
    .where('product_id', product.id)
    .orderBy('position')
    .orderBy('id')
  const media = await Media.query(client)
    .where('product_id', product.id)
    .orderBy('position')
    .orderBy('id')
  return publishedVersionOf(product, variants, media)
}

/** Keeps what is being published, inside the transaction that publishes it. */
export async function recordPublication(
  product: Product,
  trx: TransactionClientContract,
  actor: Actor
) {
  await ProductPublication.create(
    {
      productId: product.id,
      snapshot: await currentVersion(product, trx),
      publishedById: actor.userId,
      publishedAt: product.publishedAt!,
    },
    { client: trx }
  )
}

/** The product's latest publication, if it was ever published. */
export function latestPublication(productId: number) {
  return ProductPublication.query().where('product_id', productId).orderBy('id', 'desc').first()
}
