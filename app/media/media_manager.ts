import { createHash } from 'node:crypto'
import type { MediaConfig } from '#media/define_config'
import type { ImageProcessor, MediaKind, VideoTranscoder } from '#media/types'

/** Bump when the pipeline itself changes how renditions look. */
const PIPELINE_VERSION = 1

/**
 * Resolves the configured image processor and video transcoder lazily (a
 * shop that never uploads a video never looks for ffmpeg) and caches them.
 */
export class MediaManager {
  #images?: ImageProcessor
  #videos?: VideoTranscoder

  constructor(readonly config: MediaConfig) {}

  get images(): ImageProcessor {
    return (this.#images ??= this.config.imageProcessor(this.config))
  }

  get videos(): VideoTranscoder {
    return (this.#videos ??= this.config.videoTranscoder(this.config))
  }

  /**
   * A short hash of everything that shapes a kind's renditions. It is part of
   * every rendition key, so new presets write new files and old ones stay
   * served until the new set is complete.
   */
  fingerprint(kind: MediaKind): string {
    const { images, videos } = this.config
    const shape =
      kind === 'image'
        ? { images }
        : {
            images: {
              ...images,
              formats: { jpeg: images.formats.jpeg, webp: images.formats.webp },
            },
            videos: { ...videos, threads: undefined, timeoutSeconds: undefined },
          }
    return createHash('sha256')
      .update(JSON.stringify({ version: PIPELINE_VERSION, kind, shape }))
      .digest('hex')
      .slice(0, 12)
  }
}
