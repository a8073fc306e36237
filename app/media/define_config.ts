import type {
  ImagePresets,
  ImageProcessor,
  MediaLimits,
  VideoPresets,
  VideoTranscoder,
} from '#media/types'

export interface MediaConfig {
  /** Drive disks: renditions are public, originals (with their EXIF) never are. */
  disks: { renditions: string; originals: string }
  /** Base URL of the renditions disk; a rendition's URL is this plus its key. */
  publicUrl: string
  limits: MediaLimits
  images: ImagePresets
  videos: VideoPresets & { timeoutSeconds: number; threads: number }
  /** Factories, so a plugin or the merchant can bring another processor. */
  imageProcessor: (config: MediaConfig) => ImageProcessor
  videoTranscoder: (config: MediaConfig) => VideoTranscoder
}

/** Typed helper for config/media.ts. */
export function defineConfig(config: MediaConfig): MediaConfig {
  const widths = config.images.widths
  if (!widths.length || widths.some((width) => !Number.isInteger(width) || width <= 0)) {
    throw new Error('config/media.ts: images.widths must be positive integers')
  }
  if (!config.publicUrl) {
    throw new Error('config/media.ts: publicUrl is empty (set S3_PUBLIC_URL when DRIVE_DISK=s3)')
  }
  if (!config.videos.heights.length) {
    throw new Error('config/media.ts: videos.heights needs at least one height')
  }
  return config
}
