import media from '#config/media'

/**
 * What one upload route receives: the guard that must know the sender before
 * the body is read (anyone else is refused without it), and its file fields
 * with each one's size limit in bytes.
 */
export interface UploadRule {
  guard: 'web' | 'api'
  files: Record<string, number>
}

/** A product photo or video: one `file`, as large as the larger media limit allows. */
const mediaFile = { file: Math.max(media.limits.imageBytes, media.limits.videoBytes) }

/**
 * The routes that take files, by route name. Multipart bodies are read only
 * for these (app/middleware/uploads_middleware.ts): any other route refuses
 * one with 415 before reading it. A file field not listed here is skipped
 * unread, only the first file of a listed field is kept, and every file
 * written to the temp directory is deleted when the request ends.
 */
export default {
  routes: {
    'seller.products.media.store': { guard: 'web', files: mediaFile },
    'api.v1.seller.products.media.store': { guard: 'api', files: mediaFile },
  } as Record<string, UploadRule>,
  /** Room for the other fields (alt text, CSRF token), part headers and boundaries. */
  overheadBytes: 256 * 1024,
  /** Fields besides files an upload may carry. */
  maxFields: 20,
}
