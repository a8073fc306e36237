import { createReadStream, createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import type { MediaConfig } from '#media/define_config'
import type { RenditionFormat, RenditionRole } from '#media/types'

const CONTENT_TYPES: Record<RenditionFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  mp4: 'video/mp4',
}
const EXTENSIONS: Record<RenditionFormat, string> = {
  avif: 'avif',
  webp: 'webp',
  jpeg: 'jpg',
  mp4: 'mp4',
}

/**
 * Where media files live on Drive. Keys are derived from the content hash
 * (and, for renditions, the preset fingerprint), so the same input always
 * lands on the same keys and a re-run overwrites instead of duplicating.
 */
export class MediaStorage {
  constructor(protected config: MediaConfig) {}

  get originals() {
    return drive.use(this.config.disks.originals)
  }

  get renditions() {
    return drive.use(this.config.disks.renditions)
  }

  originalKey(hash: string, extension: string) {
    return `originals/${hash.slice(0, 2)}/${hash}.${extension}`
  }

  renditionKey(
    hash: string,
    fingerprint: string,
    rendition: { role: RenditionRole; format: RenditionFormat; width: number }
  ) {
    const { role, format, width } = rendition
    return `media/${hash.slice(0, 2)}/${hash}/${fingerprint}/${role}-${width}.${EXTENSIONS[format]}`
  }

  async putOriginal(path: string, key: string, contentType: string) {
    if (await this.originals.exists(key)) return
    await this.originals.putStream(key, createReadStream(path), { contentType })
  }

  async fetchOriginal(key: string, destination: string) {
    const stream = (await this.originals.getStream(key)) as Readable
    await pipeline(stream, createWriteStream(destination))
  }

  async putRendition(key: string, data: Buffer | { path: string }, format: RenditionFormat) {
    const options = {
      contentType: CONTENT_TYPES[format],
      cacheControl: 'public, max-age=31536000, immutable',
    }
    if (Buffer.isBuffer(data)) await this.renditions.put(key, data, options)
    else await this.renditions.putStream(key, createReadStream(data.path), options)
  }

  /** Deletes rendition files that no rendition row points at any more. */
  async deleteUnreferencedRenditions(keys: string[]) {
    if (!keys.length) return
    const stillUsed = new Set(
      await db
        .from('media_renditions')
        .whereIn('key', keys)
        .select('key')
        .then((rows) => rows.map((row) => row.key))
    )
    for (const key of keys) {
      if (!stillUsed.has(key)) await this.renditions.delete(key)
    }
  }

  /** Deletes an original once no media row uses its content any more. */
  async deleteOriginalIfUnused(hash: string, key: string) {
    const used = await db.from('media').where('content_hash', hash).first()
    if (!used) await this.originals.delete(key)
  }
}
