import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** The disk pairs media can live on: renditions (public) and originals (private). */
const PAIRS = {
  fs: { renditions: 'fs', originals: 'fs_private' },
  s3: { renditions: 's3', originals: 's3_private' },
} as const

type Place = keyof typeof PAIRS

/**
 * Copies every media file the database knows (each original and each
 * rendition key) from one place to the other: the local disk to the S3
 * buckets, or back. Keys stay the same, so once it is done switching
 * DRIVE_DISK is all it takes. Files already at the destination with the
 * same size are skipped, so an interrupted run is simply run again; nothing
 * is deleted from the source.
 */
export default class MediaMigrate extends BaseCommand {
  static commandName = 'media:migrate'
  static description = 'Copy product media files between the local disk and S3 (keys unchanged)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Where media goes: "s3" or "fs"', required: true })
  declare to: string

  async run() {
    if (!(this.to in PAIRS)) {
      this.logger.error('--to must be "s3" or "fs"')
      this.exitCode = 1
      return
    }
    const to = this.to as Place
    const from: Place = to === 's3' ? 'fs' : 's3'
    const { default: drive } = await import('@adonisjs/drive/services/main')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: env } = await import('#start/env')
    // config/drive.ts defines the S3 pair whenever S3_BUCKET is set (and checks the rest).
    if (!env.get('S3_BUCKET')) {
      this.logger.error('S3 is not configured: set S3_BUCKET, S3_PRIVATE_BUCKET and S3_PUBLIC_URL')
      this.exitCode = 1
      return
    }

    const originals = await db.from('media').select('original_key as key')
    const renditions = await db.from('media_renditions').distinct('key')
    const work = [
      ...originals.map((row) => ({ key: row.key as string, pair: 'originals' as const })),
      ...renditions.map((row) => ({ key: row.key as string, pair: 'renditions' as const })),
    ]
    let copied = 0
    let skipped = 0
    const missing: string[] = []
    for (const { key, pair } of work) {
      const source = drive.use(PAIRS[from][pair])
      const destination = drive.use(PAIRS[to][pair])
      if (!(await source.exists(key))) {
        missing.push(key)
        continue
      }
      const { contentLength, contentType } = await source.getMetaData(key)
      const there = (await destination.exists(key)) ? await destination.getMetaData(key) : null
      if (there?.contentLength === contentLength) {
        skipped++
        continue
      }
      await destination.putStream(key, await source.getStream(key), {
        contentType,
        contentLength,
        ...(pair === 'renditions' && { cacheControl: 'public, max-age=31536000, immutable' }),
      })
      copied++
    }

    this.logger.info(
      `Copied ${copied} file(s) from ${from} to ${to}; ${skipped} already there` +
        (missing.length ? `; ${missing.length} missing at the source` : '')
    )
    for (const key of missing.slice(0, 20)) this.logger.warning(`missing: ${key}`)
    if (missing.length) {
      this.exitCode = 1
      return
    }
    this.logger.success(`Done. Set DRIVE_DISK=${to} and restart the web processes and workers.`)
  }
}
