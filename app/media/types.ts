/**
 * The media extension point: what an image processor and a video transcoder
 * promise the pipeline. The built-in drivers are sharp and ffmpeg; a plugin or
 * a merchant can bind their own through config/media.ts.
 */

export type MediaKind = 'image' | 'video'
export type ImageFormat = 'avif' | 'webp' | 'jpeg'
export type RenditionRole = 'image' | 'video' | 'poster'
export type RenditionFormat = ImageFormat | 'mp4'

/** A container format recognised from a file's first bytes. */
export interface SniffedType {
  kind: MediaKind
  /** Canonical short name: jpeg, png, webp, avif, gif, mp4, mov, webm. */
  format: string
  mimeType: string
  extension: string
}

/** Upload limits; every one is named in the error when a file exceeds it. */
export interface MediaLimits {
  imageBytes: number
  videoBytes: number
  imagePixels: number
  videoSeconds: number
  /** Longest and shortest edge of a video frame, e.g. 3840 × 2160. */
  videoLongEdge: number
  videoShortEdge: number
  filesPerProduct: number
}

export interface ImageFormatPreset {
  quality: number
  /** AVIF/WebP encoder effort (speed against size). */
  effort?: number
}

export interface ImagePresets {
  widths: number[]
  formats: Record<ImageFormat, ImageFormatPreset>
  /** Width of the blurred placeholder inlined into pages. */
  placeholderWidth: number
}

export interface VideoPresets {
  /** Rendition heights (the short edge): 720 always, 1080 when the source is larger. */
  heights: number[]
  crf: number
  preset: string
  audioBitrate: string
  /** Where the poster frame is taken, in seconds (capped at half the duration). */
  posterAt: number
}

/** A stored rendition as media rows keep it (rendition_set) for pages and the API. */
export interface StoredRendition {
  role: RenditionRole
  format: RenditionFormat
  width: number
  height: number
  bytes: number
  key: string
}

/** One encoded file, still in memory or on local disk, before it is stored. */
export interface EncodedRendition {
  role: RenditionRole
  format: RenditionFormat
  width: number
  height: number
  bytes: number
  /** Local file path or in-memory data. */
  data: Buffer | { path: string }
}

export interface ProcessedImage {
  width: number
  height: number
  placeholder: string
  renditions: EncodedRendition[]
}

export interface ImageProcessor {
  /** Reads dimensions without decoding pixels (safe for decompression bombs). */
  dimensions(input: string): Promise<{ width: number; height: number }>
  /** Decodes the whole image once, so truncated or corrupt files are refused at upload. */
  verify(input: string): Promise<void>
  /** Makes the responsive ladder and the placeholder, metadata stripped. */
  process(
    input: string | Buffer,
    presets: ImagePresets,
    role?: RenditionRole
  ): Promise<ProcessedImage>
}

export interface VideoProbe {
  durationMs: number
  /** Display dimensions, rotation applied. */
  width: number
  height: number
  hasAudio: boolean
}

export interface TranscodeTarget {
  /** Short edge in pixels; the long edge follows the aspect ratio. */
  shortEdge: number
  output: string
}

export interface VideoTranscoder {
  probe(input: string, format: string): Promise<VideoProbe>
  transcode(
    input: string,
    format: string,
    probe: VideoProbe,
    target: TranscodeTarget
  ): Promise<void>
  /** Writes one frame as PNG. */
  frame(input: string, format: string, atSeconds: number, output: string): Promise<void>
}
