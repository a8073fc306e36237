import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Media from '#models/media'
import MediaRendition from '#models/media_rendition'
import { MediaManager } from '#media/media_manager'
import { MediaStorage } from '#media/media_storage'
import { MediaInputError } from '#media/errors'
import { MediaStatus } from '#media/media_status'
import { refreshProductCover } from '#media/product_cover'
import type { EncodedRendition, ImagePresets } from '#media/types'
import MediaProcessed from '#events/media_processed'
import MediaFailed from '#events/media_failed'
import { SYSTEM_ACTOR } from '#audit/actor'

export type PipelineOutcome = 'processed' | 'skipped' | 'failed' | 'missing'

interface Result {
  width: number
  height: number
  durationMs: number | null
  placeholder: string | null
  renditions: EncodedRendition[]
}

/**
 * Turns one uploaded original into its renditions. Every file is written
 * before any row changes; the rows are then swapped in one transaction, so
 * customers see either the previous complete set or the new one. Running it
 * twice writes the same keys and the same rows (idempotent), and a run cut
 * short by a crash can simply be run again.
 */
@inject()
export class MediaPipeline {
  constructor(
    protected manager: MediaManager,
    protected storage: MediaStorage
  ) {}

  async process(mediaId: number, options: { force?: boolean } = {}): Promise<PipelineOutcome> {
    const media = await Media.find(mediaId)
    if (!media) return 'missing'
    const fingerprint = this.manager.fingerprint(media.kind)
    if (
      !options.force &&
      media.status === MediaStatus.Ready &&
      media.presetFingerprint === fingerprint
    ) {
      return 'skipped'
    }
    await this.#start(media)

    const workDir = await mkdtemp(join(tmpdir(), `jangteo-media-${media.id}-`))
    try {
      const original = join(workDir, `original.${media.sourceFormat}`)
      await this.storage.fetchOriginal(media.originalKey, original)
      const result =
        media.kind === 'image'
          ? await this.#image(original)
          : await this.#video(original, media.sourceFormat, workDir)
      return await this.#publish(media, fingerprint, result)
    } catch (error) {
      if (error instanceof MediaInputError) {
        await this.fail(media.id, error.message)
        return 'failed'
      }
      throw error
    } finally {
      await rm(workDir, { recursive: true, force: true })
    }
  }

  /**
   * Marks a media item failed with a reason the seller can read. Ready media
   * keeps serving its previous renditions; only the error is recorded.
   */
  async fail(mediaId: number, reason: string) {
    await db.transaction(async (trx) => {
      const media = await Media.find(mediaId, { client: trx })
      if (!media) return
      const before = { status: media.status }
      if (media.status !== MediaStatus.Ready) media.status = MediaStatus.Failed
      media.error = reason.slice(0, 1000)
      await media.save()
      await MediaFailed.record(trx, media, SYSTEM_ACTOR, {
        before,
        after: { status: media.status, error: media.error },
      })
    })
  }

  /** Queued or failed media shows "processing" while a worker has it. */
  async #start(media: Media) {
    await Media.query()
      .where('id', media.id)
      .update({
        attempts: db.raw('attempts + 1'),
        ...(media.status === MediaStatus.Ready
          ? {}
          : { status: MediaStatus.Processing, error: null }),
      })
  }

  async #image(original: string): Promise<Result> {
    const image = await this.manager.images.process(original, this.manager.config.images)
    return { ...image, durationMs: null }
  }

  async #video(original: string, format: string, workDir: string): Promise<Result> {
    const videos = this.manager.videos
    const presets = this.manager.config.videos
    const probe = await videos.probe(original, format)
    const sourceShort = Math.min(probe.width, probe.height)

    const heights = [...presets.heights].sort((a, b) => a - b)
    // The first rung always (never above the source); larger ones only when the source is larger.
    const targets = heights.filter(
      (_height, index) => index === 0 || sourceShort > heights[index - 1]
    )

    const renditions: EncodedRendition[] = []
    for (const height of targets) {
      const output = join(workDir, `video-${height}.mp4`)
      await videos.transcode(original, format, probe, { shortEdge: height, output })
      const encoded = await videos.probe(output, 'mp4')
      renditions.push({
        role: 'video',
        format: 'mp4',
        width: encoded.width,
        height: encoded.height,
        bytes: await stat(output).then((file) => file.size),
        data: { path: output },
      })
    }

    const posterFrame = join(workDir, 'poster.png')
    const at = Math.min(presets.posterAt, probe.durationMs / 2000)
    await videos.frame(original, format, at, posterFrame)
    const images = this.manager.config.images
    const posterPresets: ImagePresets = {
      ...images,
      formats: { jpeg: images.formats.jpeg, webp: images.formats.webp } as ImagePresets['formats'],
    }
    const poster = await this.manager.images.process(posterFrame, posterPresets, 'poster')

    return {
      width: probe.width,
      height: probe.height,
      durationMs: probe.durationMs,
      placeholder: poster.placeholder,
      renditions: [...renditions, ...poster.renditions],
    }
  }

  async #publish(media: Media, fingerprint: string, result: Result): Promise<PipelineOutcome> {
    const keyed = result.renditions.map((rendition) => ({
      rendition,
      key: this.storage.renditionKey(media.contentHash, fingerprint, rendition),
    }))
    await Promise.all(
      keyed.map(({ rendition, key }) =>
        this.storage.putRendition(key, rendition.data, rendition.format)
      )
    )

    const outcome = await db.transaction(async (trx) => {
      // One publisher per media row at a time (SQLite serialises writers anyway).
      const current = await Media.query({ client: trx })
        .where('id', media.id)
        .if(trx.dialect.name === 'postgres', (query) => query.forUpdate())
        .first()
      if (!current) return { published: false, staleKeys: keyed.map(({ key }) => key) }

      const previous = await MediaRendition.query({ client: trx }).where('media_id', media.id)
      await MediaRendition.query({ client: trx }).where('media_id', media.id).delete()
      const renditionSet = keyed.map(({ rendition, key }) => ({
        role: rendition.role,
        format: rendition.format,
        width: rendition.width,
        height: rendition.height,
        bytes: rendition.bytes,
        key,
      }))
      await MediaRendition.createMany(
        renditionSet.map((stored) => ({ mediaId: media.id, ...stored })),
        { client: trx }
      )
      const before = { status: current.status, presetFingerprint: current.presetFingerprint }
      current.merge({
        status: MediaStatus.Ready,
        width: result.width,
        height: result.height,
        durationMs: result.durationMs,
        placeholder: result.placeholder,
        renditionSet,
        presetFingerprint: fingerprint,
        error: null,
        processedAt: DateTime.now(),
      })
      current.useTransaction(trx)
      await current.save()
      await refreshProductCover(current.productId, trx)
      await MediaProcessed.record(trx, current, SYSTEM_ACTOR, {
        before,
        after: {
          status: MediaStatus.Ready,
          presetFingerprint: fingerprint,
          renditions: keyed.length,
          width: result.width,
          height: result.height,
          durationMs: result.durationMs,
        },
      })
      const fresh = new Set(keyed.map(({ key }) => key))
      return {
        published: true,
        media: current,
        before,
        staleKeys: previous.map((row) => row.key).filter((key) => !fresh.has(key)),
      }
    })

    await this.storage.deleteUnreferencedRenditions(outcome.staleKeys)
    if (!outcome.published || !outcome.media) return 'missing'
    return 'processed'
  }
}
