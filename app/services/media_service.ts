import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Media from '#models/media'
import type Product from '#models/product'
import { MediaManager } from '#media/media_manager'
import { MediaStorage } from '#media/media_storage'
import { MediaRejectedError } from '#media/errors'
import { inspectUpload } from '#media/limits'
import { MediaStatus } from '#media/media_status'
import { refreshProductCover } from '#media/product_cover'
import { failValidation, isUniqueViolation } from '#services/validation'
import type { Actor } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import ProcessImage from '#jobs/media/process_image'
import ProcessVideo from '#jobs/media/process_video'
import MediaUploaded from '#events/media_uploaded'
import MediaUpdated from '#events/media_updated'
import MediaRemoved from '#events/media_removed'
import MediaRequeued from '#events/media_requeued'
import ProductMediaReordered from '#events/product_media_reordered'

export interface UploadInput {
  /** The uploaded file on local disk (the body parser's temporary file). */
  path: string
  size: number
  clientName: string
  alt?: string | null
}

export interface MediaChanges {
  alt?: string | null
  isCover?: boolean
}

const AUDITED_FIELDS = [
  'kind',
  'status',
  'alt',
  'isCover',
  'position',
  'originalName',
  'bytes',
] as const

async function sha256(path: string) {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/** SELECT … FOR UPDATE: PostgreSQL; SQLite serialises writers anyway. */
function supportsRowLocks(trx: TransactionClientContract) {
  return trx.dialect.name === 'postgres'
}

/**
 * A product's gallery as sellers manage it: upload (validated, stored,
 * queued), alt text, cover, order, delete and retry. Processing itself is the
 * pipeline's job, run by the `media` queue.
 */
@inject()
export default class MediaService {
  constructor(
    protected manager: MediaManager,
    protected storage: MediaStorage
  ) {}

  /** The seller's view of a gallery: every state, in gallery order. */
  forProduct(product: Product) {
    return Media.query().where('product_id', product.id).orderBy('position').orderBy('id')
  }

  async upload(product: Product, input: UploadInput, actor: Actor): Promise<Media> {
    const inspected = await this.#inspect(input)
    await this.#assertRoom(product.id)
    const hash = await sha256(input.path)
    await this.#assertNotDuplicate(product.id, hash)

    const key = this.storage.originalKey(hash, inspected.type.extension)
    await this.storage.putOriginal(input.path, key, inspected.type.mimeType)

    let media: Media
    try {
      media = await db.transaction(async (trx) => {
        // Serialise uploads to one product so the file limit holds under concurrency.
        await db
          .from('products')
          .useTransaction(trx)
          .where('id', product.id)
          .if(supportsRowLocks(trx), (query) => query.forUpdate())
          .select('id')
        await this.#assertRoom(product.id, trx)
        const created = await Media.create(
          {
            productId: product.id,
            sellerId: product.sellerId,
            kind: inspected.type.kind,
            status: MediaStatus.Queued,
            position: await this.#nextPosition(product.id, trx),
            isCover: false,
            alt: input.alt ?? null,
            contentHash: hash,
            originalKey: key,
            originalName: input.clientName.slice(0, 255) || 'upload',
            sourceFormat: inspected.type.format,
            mimeType: inspected.type.mimeType,
            bytes: input.size,
            width: inspected.width,
            height: inspected.height,
            durationMs: inspected.durationMs,
          },
          { client: trx }
        )
        await MediaUploaded.record(
          trx,
          created,
          actor,
          changeBetween({}, snapshot(created, AUDITED_FIELDS))
        )
        return created
      })
    } catch (error) {
      await this.storage.deleteOriginalIfUnused(hash, key)
      if (isUniqueViolation(error)) this.#duplicate()
      throw error
    }

    await this.dispatch(media)
    return media
  }

  /** Queues the job that makes a media item's renditions. */
  async dispatch(media: Media, options: { force?: boolean } = {}) {
    const Job = media.kind === 'image' ? ProcessImage : ProcessVideo
    await Job.dispatch({ mediaId: media.id, ...(options.force ? { force: true } : {}) })
  }

  async update(media: Media, changes: MediaChanges, actor: Actor) {
    const before = snapshot(media, AUDITED_FIELDS)
    if (changes.isCover && media.kind !== 'image') {
      failValidation('isCover', 'Only a photo can be the cover.', 'cover_not_image')
    }
    await db.transaction(async (trx) => {
      media.useTransaction(trx)
      if (changes.alt !== undefined) media.alt = changes.alt
      if (changes.isCover !== undefined) {
        if (changes.isCover) {
          await Media.query({ client: trx })
            .where('product_id', media.productId)
            .whereNot('id', media.id)
            .update({ is_cover: false })
        }
        media.isCover = changes.isCover
      }
      await media.save()
      await refreshProductCover(media.productId, trx)
      const change = changeBetween(before, snapshot(media, AUDITED_FIELDS))
      if (Object.keys(change.after).length) await MediaUpdated.record(trx, media, actor, change)
    })
    return media
  }

  /** Sets the gallery order; `ids` must list every media item of the product once. */
  async reorder(product: Product, ids: number[], actor: Actor) {
    const current = await Media.query()
      .where('product_id', product.id)
      .orderBy('position')
      .orderBy('id')
      .select('id')
    const before = current.map((media) => media.id)
    const sameSet =
      ids.length === before.length &&
      new Set(ids).size === ids.length &&
      ids.every((id) => before.includes(id))
    if (!sameSet) {
      failValidation('ids', "The order must list each of this product's media once.", 'media_order')
    }
    await db.transaction(async (trx) => {
      for (const [position, id] of ids.entries()) {
        await Media.query({ client: trx }).where('id', id).update({ position })
      }
      await refreshProductCover(product.id, trx)
      if (before.join() !== ids.join()) {
        await ProductMediaReordered.record(trx, product, actor, {
          before: { mediaOrder: before },
          after: { mediaOrder: ids },
        })
      }
    })
  }

  /** Sends a failed item back to the queue, e.g. after a transient error. */
  async retry(media: Media, actor: Actor) {
    if (media.status !== MediaStatus.Failed) {
      failValidation('status', 'Only failed media can be retried.', 'media_not_failed')
    }
    const before = { status: media.status, error: media.error }
    await db.transaction(async (trx) => {
      media.useTransaction(trx).merge({ status: MediaStatus.Queued, error: null })
      await media.save()
      await MediaRequeued.record(trx, media, actor, {
        before,
        after: { status: media.status, error: null },
      })
    })
    await this.dispatch(media)
  }

  async remove(media: Media, actor: Actor) {
    const before = snapshot(media, AUDITED_FIELDS)
    const keys = await db.transaction(async (trx) => {
      const renditions = await db
        .from('media_renditions')
        .useTransaction(trx)
        .where('media_id', media.id)
        .select('key')
      await db.from('media_renditions').useTransaction(trx).where('media_id', media.id).delete()
      await Media.query({ client: trx }).where('id', media.id).delete()
      await refreshProductCover(media.productId, trx)
      await MediaRemoved.record(trx, media, actor, changeBetween(before, {}))
      return renditions.map((row) => row.key as string)
    })
    await this.storage.deleteUnreferencedRenditions(keys)
    await this.storage.deleteOriginalIfUnused(media.contentHash, media.originalKey)
  }

  async #inspect(input: UploadInput) {
    try {
      return await inspectUpload(input.path, input.size, this.manager)
    } catch (error) {
      if (error instanceof MediaRejectedError) {
        failValidation('file', error.message, error.code, error.params)
      }
      throw error
    }
  }

  /**
   * After the last item of the gallery, read under the product lock taken by
   * upload(). A plain query, not a Media one: Lucid would map the `position`
   * alias onto the model's own column and leave `$extras` empty.
   */
  async #nextPosition(productId: number, trx: TransactionClientContract) {
    const [row] = await trx.from('media').where('product_id', productId).max('position as last')
    return row.last === null ? 0 : Number(row.last) + 1
  }

  async #assertRoom(productId: number, trx?: TransactionClientContract) {
    const limit = this.manager.config.limits.filesPerProduct
    const [row] = await (trx ?? db.connection())
      .from('media')
      .where('product_id', productId)
      .count('* as total')
    // PostgreSQL answers a count as a string (bigint), SQLite as a number.
    if (Number(row.total) >= limit) {
      failValidation(
        'file',
        `A product can have at most ${limit} photos and videos.`,
        'too_many_files',
        {
          limit,
        }
      )
    }
  }

  async #assertNotDuplicate(productId: number, hash: string) {
    const existing = await Media.query()
      .where('product_id', productId)
      .where('content_hash', hash)
      .first()
    if (existing) this.#duplicate()
  }

  #duplicate(): never {
    failValidation('file', 'This file is already in the gallery.', 'duplicate_media')
  }
}
