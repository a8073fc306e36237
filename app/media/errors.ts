/**
 * Why a file was refused at upload. `code` is the rule clients match on
 * (file_too_large, too_many_pixels, …); `params` fill the translated message
 * so it names the limit.
 */
export class MediaRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {}
  ) {
    super(message)
    this.name = 'MediaRejectedError'
  }
}

/**
 * Processing failed because of the file itself (corrupt, undecodable, too
 * slow to transcode). Retrying cannot help: the media is marked failed with
 * this readable reason. Any other error is treated as transient and retried.
 */
export class MediaInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'MediaInputError'
  }
}
