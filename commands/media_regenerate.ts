import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

const BAR_WIDTH = 30

/**
 * Re-makes product media renditions after config/media.ts presets changed,
 * or to repair media that failed or was left half-processed by a crash.
 * Media stays visible with its old renditions until the new set is complete.
 */
export default class MediaRegenerate extends BaseCommand {
  static commandName = 'media:regenerate'
  static description = 'Re-process product photos and videos (after preset changes, or to repair)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Only media of this seller (id or slug)' })
  declare seller?: string

  @flags.number({ description: 'Only media of this product (id)' })
  declare product?: number

  @flags.string({ description: 'Only "images" or "videos"' })
  declare only?: string

  @flags.boolean({ description: 'Also re-process media already up to date with the presets' })
  declare force?: boolean

  @flags.boolean({ description: 'Send the work to the media queue instead of doing it here' })
  declare queue?: boolean

  async run() {
    if (this.only && !['images', 'videos'].includes(this.only)) {
      this.logger.error('--only must be "images" or "videos"')
      this.exitCode = 1
      return
    }
    const { default: Media } = await import('#models/media')
    const { default: Seller } = await import('#models/seller')
    const { MediaManager } = await import('#media/media_manager')
    const { MediaPipeline } = await import('#media/media_pipeline')
    const { default: MediaService } = await import('#services/media_service')
    const manager = await this.app.container.make(MediaManager)

    const query = Media.query().orderBy('id')
    if (this.seller) {
      const seller = await Seller.query()
        .if(
          /^\d+$/.test(this.seller),
          (sellers) => sellers.where('id', Number(this.seller)),
          (sellers) => sellers.where('slug', this.seller!)
        )
        .first()
      if (!seller) {
        this.logger.error(`No seller "${this.seller}"`)
        this.exitCode = 1
        return
      }
      query.where('seller_id', seller.id)
    }
    if (this.product) query.where('product_id', this.product)
    if (this.only) query.where('kind', this.only === 'images' ? 'image' : 'video')

    const candidates = await query
    const due = candidates.filter(
      (media) =>
        this.force ||
        media.status !== 'ready' ||
        media.presetFingerprint !== manager.fingerprint(media.kind)
    )
    if (!due.length) {
      this.logger.success(`Nothing to do: ${candidates.length} media up to date`)
      return
    }

    if (this.queue) {
      const service = await this.app.container.make(MediaService)
      for (const media of due) await service.dispatch(media, { force: this.force })
      this.logger.success(`Queued ${due.length} media on the "media" queue`)
      return
    }

    const pipeline = await this.app.container.make(MediaPipeline)
    const counts = { processed: 0, skipped: 0, failed: 0, missing: 0 }
    const failures: string[] = []
    const started = Date.now()
    for (const [index, media] of due.entries()) {
      let outcome
      try {
        outcome = await pipeline.process(media.id, { force: true })
      } catch (error) {
        await pipeline.fail(media.id, (error as Error).message)
        outcome = 'failed' as const
      }
      counts[outcome]++
      if (outcome === 'failed') {
        await media.refresh()
        failures.push(`#${media.id} (${media.originalName}): ${media.error}`)
      }
      this.#progress(index + 1, due.length)
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    this.logger.log(
      `Regenerated ${counts.processed} of ${due.length} media in ${seconds} s ` +
        `(${counts.failed} failed, ${counts.missing} deleted meanwhile, ` +
        `${candidates.length - due.length} already up to date)`
    )
    for (const failure of failures) this.logger.error(failure)
    if (counts.failed) this.exitCode = 1
  }

  /** A bar redrawn in place on a terminal; a line per tenth when output is captured. */
  #progress(done: number, total: number) {
    const filled = Math.round((done / total) * BAR_WIDTH)
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`
    if (process.stdout.isTTY && !this.app.inTest) {
      process.stdout.write(`\r${line}${done === total ? '\n' : ''}`)
    } else if (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0) {
      this.logger.log(line)
    }
  }
}
