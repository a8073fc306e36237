import { BaseTransformer } from '@adonisjs/core/transformers'
import type Media from '#models/media'
import { presentMedia, type PresentedRendition } from '#media/media_presenter'

const rendition = ({ format, width, height, url }: PresentedRendition) => ({
  format,
  width,
  height,
  url,
})

/**
 * A photo or video in the Store API. Customers get ready media only; the
 * owning seller also sees the status and, for a failure, the reason.
 */
export default class MediaTransformer extends BaseTransformer<Media> {
  toObject() {
    const media = presentMedia(this.resource)
    return {
      id: media.id,
      kind: media.kind,
      alt: media.alt,
      position: media.position,
      isCover: media.isCover,
      width: media.width,
      height: media.height,
      durationMs: media.durationMs,
      placeholder: media.placeholder,
      renditions: media.renditions.map(rendition),
      ...(media.kind === 'video' && media.poster.length
        ? { poster: { renditions: media.poster.map(rendition) } }
        : {}),
    }
  }

  toSellerView() {
    const media = this.resource
    return {
      ...this.toObject(),
      status: media.status,
      ...(media.error ? { error: media.error } : {}),
      originalName: media.originalName,
      bytes: media.bytes,
      createdAt: media.createdAt.toISO(),
    }
  }
}
