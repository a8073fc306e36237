import mediaConfig from '#config/media'
import type Media from '#models/media'
import type { ImageFormat, StoredRendition } from '#media/types'

export interface PresentedRendition {
  format: string
  width: number
  height: number
  bytes: number
  url: string
}

/** `<source>` elements of a `<picture>`, best format first, and the JPEG fallback. */
export interface PictureSources {
  sources: Array<{ type: string; srcset: string }>
  src: string
  srcset: string
  width: number
  height: number
}

export interface PresentedMedia {
  id: number
  kind: Media['kind']
  status: Media['status']
  error: string | null
  alt: string | null
  position: number
  isCover: boolean
  originalName: string
  width: number | null
  height: number | null
  durationMs: number | null
  placeholder: string | null
  /** Image widths, or video heights (MP4). */
  renditions: PresentedRendition[]
  /** Poster frame of a video, JPEG and WebP at the image widths. */
  poster: PresentedRendition[]
  picture: PictureSources | null
}

const TYPES: Record<ImageFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
}

/**
 * A rendition's public URL: renditions are public, content-addressed files
 * whose keys are URL-safe by construction (hex, digits, dashes, slashes).
 */
export function renditionUrl(key: string) {
  return `${mediaConfig.publicUrl}/${key}`
}

function present(rendition: StoredRendition): PresentedRendition {
  return {
    format: rendition.format,
    width: rendition.width,
    height: rendition.height,
    bytes: rendition.bytes,
    url: renditionUrl(rendition.key),
  }
}

/** Builds `<picture>` sources from image (or poster) renditions. */
export function pictureFrom(renditions: PresentedRendition[]): PictureSources | null {
  const byFormat = (format: string) =>
    renditions.filter((rendition) => rendition.format === format).sort((a, b) => a.width - b.width)
  const srcset = (list: PresentedRendition[]) =>
    list.map((rendition) => `${rendition.url} ${rendition.width}w`).join(', ')
  const jpeg = byFormat('jpeg')
  if (!jpeg.length) return null
  const largest = jpeg[jpeg.length - 1]
  // The plain `src` is for browsers without srcset: a middle size is a fair default.
  const fallback = jpeg.find((rendition) => rendition.width >= 640) ?? largest
  return {
    sources: (['avif', 'webp'] as const)
      .map((format) => ({ type: TYPES[format], srcset: srcset(byFormat(format)) }))
      .filter((source) => source.srcset),
    src: fallback.url,
    srcset: srcset(jpeg),
    width: largest.width,
    height: largest.height,
  }
}

/** A media item with public URLs, for pages and the API. */
export function presentMedia(media: Media): PresentedMedia {
  const renditions = (media.renditionSet ?? []).map((rendition) => ({
    role: rendition.role,
    presented: present(rendition),
  }))
  const main = renditions.filter((r) => r.role !== 'poster').map((r) => r.presented)
  const poster = renditions.filter((r) => r.role === 'poster').map((r) => r.presented)
  return {
    id: media.id,
    kind: media.kind,
    status: media.status,
    error: media.error,
    alt: media.alt,
    position: media.position,
    isCover: media.isCover,
    originalName: media.originalName,
    width: media.width,
    height: media.height,
    durationMs: media.durationMs,
    placeholder: media.placeholder,
    renditions: main,
    poster,
    picture: pictureFrom(media.kind === 'image' ? main : poster),
  }
}

/** "1:05" for a video's duration. */
export function formatDuration(durationMs: number | null) {
  if (!durationMs) return ''
  const seconds = Math.round(durationMs / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
