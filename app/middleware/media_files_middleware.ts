import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { localMediaRoot } from '#config/drive'
import mediaConfig from '#config/media'

/** Only rendition files, as MediaStorage names them; originals live on another disk. */
const RENDITION_PATH =
  /^\/media\/(media\/[0-9a-f]{2}\/[0-9a-f]{64}\/[0-9a-f]{12}\/(?:image|video|poster)-\d+\.(avif|webp|jpg|mp4))$/

const CONTENT_TYPES: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  mp4: 'video/mp4',
}

/** `bytes=start-end` (one range) → inclusive offsets, or null when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (!match[1] && !match[2])) return null
  let start = match[1] ? Number(match[1]) : size - Number(match[2])
  let end = match[1] && match[2] ? Number(match[2]) : size - 1
  start = Math.max(0, start)
  end = Math.min(end, size - 1)
  return start <= end ? { start, end } : null
}

/**
 * Serves renditions from the local disk at /media before sessions, CSRF and
 * auth run: they are public, content-addressed files, so they are cached for
 * a year as immutable, carry no cookies, and answer range requests (video
 * seeking). With an S3 disk the bucket serves them and this is never hit.
 */
export default class MediaFilesMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    const method = request.method()
    const url = request.url()
    if ((method !== 'GET' && method !== 'HEAD') || !url.startsWith('/media/')) return next()
    const match = mediaConfig.publicUrl === '/media' ? RENDITION_PATH.exec(url) : null
    const info = match ? await stat(join(localMediaRoot, match[1])).catch(() => null) : null
    if (!match || !info?.isFile()) return response.status(404).send('Not found')

    const etag = `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`
    response.header('Content-Type', CONTENT_TYPES[match[2]])
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('Accept-Ranges', 'bytes')
    response.header('ETag', etag)
    if (request.header('if-none-match') === etag) return response.status(304).send('')

    let range = { start: 0, end: info.size - 1 }
    const rangeHeader = request.header('range')
    if (rangeHeader) {
      const requested = parseRange(rangeHeader, info.size)
      if (!requested) {
        response.header('Content-Range', `bytes */${info.size}`)
        return response.status(416).send('')
      }
      range = requested
      response.status(206)
      response.header('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`)
    }
    response.header('Content-Length', String(range.end - range.start + 1))
    if (method === 'HEAD') return response.send('')
    return response.stream(createReadStream(join(localMediaRoot, match[1]), range))
  }
}
