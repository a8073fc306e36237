import { MediaInputError, MediaRejectedError } from '#media/errors'
import { sniffFile } from '#media/file_sniffer'
import type { MediaManager } from '#media/media_manager'
import type { SniffedType } from '#media/types'

export interface InspectedUpload {
  type: SniffedType
  width: number
  height: number
  durationMs: number | null
}

const KB = 1024
const MB = 1024 * KB

/** "25 MB", or "512 KB" below a megabyte. */
function readableSize(bytes: number) {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`
}

/**
 * Checks an upload against config/media.ts before anything is stored: type
 * from magic bytes, size, pixel count (read from the header, so a
 * decompression bomb is never decoded), a full decode for images, and
 * duration and resolution for videos. Throws MediaRejectedError naming the
 * limit.
 */
export async function inspectUpload(
  path: string,
  size: number,
  manager: MediaManager
): Promise<InspectedUpload> {
  const limits = manager.config.limits
  if (size === 0) throw new MediaRejectedError('empty_file', 'The file is empty.')

  const type = await sniffFile(path)
  if (!type) {
    throw new MediaRejectedError(
      'unsupported_type',
      'This file type is not supported. Upload JPEG, PNG, WebP, AVIF or GIF images, or MP4, MOV or WebM videos.'
    )
  }

  const maxBytes = type.kind === 'image' ? limits.imageBytes : limits.videoBytes
  if (size > maxBytes) {
    throw new MediaRejectedError(
      'file_too_large',
      `The file is larger than the ${readableSize(maxBytes)} limit for ${type.kind}s.`,
      { limit: readableSize(maxBytes), kind: type.kind }
    )
  }

  try {
    return type.kind === 'image'
      ? await inspectImage(path, type, manager)
      : await inspectVideo(path, type, manager)
  } catch (error) {
    if (error instanceof MediaInputError) {
      throw new MediaRejectedError('corrupt_file', error.message, { reason: error.message })
    }
    throw error
  }
}

async function inspectImage(path: string, type: SniffedType, manager: MediaManager) {
  const limit = manager.config.limits.imagePixels
  const { width, height } = await manager.images.dimensions(path)
  if (width * height > limit) {
    const megapixels = `${Math.round(limit / 1_000_000)} MP`
    throw new MediaRejectedError(
      'too_many_pixels',
      `The image is ${width} × ${height} pixels, more than the ${megapixels} limit.`,
      { limit: megapixels, width, height }
    )
  }
  await manager.images.verify(path)
  return { type, width, height, durationMs: null }
}

async function inspectVideo(path: string, type: SniffedType, manager: MediaManager) {
  const limits = manager.config.limits
  const probe = await manager.videos.probe(path, type.format)
  if (probe.durationMs > limits.videoSeconds * 1000) {
    throw new MediaRejectedError(
      'video_too_long',
      `The video is ${Math.round(probe.durationMs / 1000)} s long, more than the ${limits.videoSeconds} s limit.`,
      { limit: limits.videoSeconds, seconds: Math.round(probe.durationMs / 1000) }
    )
  }
  const long = Math.max(probe.width, probe.height)
  const short = Math.min(probe.width, probe.height)
  if (long > limits.videoLongEdge || short > limits.videoShortEdge) {
    const limit = `${limits.videoLongEdge} × ${limits.videoShortEdge}`
    throw new MediaRejectedError(
      'video_too_large',
      `The video is ${probe.width} × ${probe.height}, larger than the ${limit} limit.`,
      { limit, width: probe.width, height: probe.height }
    )
  }
  return { type, width: probe.width, height: probe.height, durationMs: probe.durationMs }
}
