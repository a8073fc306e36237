import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Media from '#models/media'
import Product from '#models/product'
import { MediaStatus } from '#media/media_status'

/**
 * Keeps products.cover_media_id pointing at the listing image: the photo the
 * seller chose as cover if it is ready, else the first ready photo. Listings
 * then load covers by id, with no per-product search.
 */
export async function refreshProductCover(productId: number, trx: TransactionClientContract) {
  const cover = await Media.query({ client: trx })
    .where('product_id', productId)
    .where('kind', 'image')
    .where('status', MediaStatus.Ready)
    .orderBy('is_cover', 'desc')
    .orderBy('position')
    .orderBy('id')
    .select('id')
    .first()
  await Product.query({ client: trx })
    .where('id', productId)
    .update({ cover_media_id: cover?.id ?? null })
}
