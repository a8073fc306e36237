import sharp, { type Sharp } from 'sharp'
import { MediaInputError } from '#media/errors'
import type {
  EncodedRendition,
  ImageFormat,
  ImagePresets,
  ImageProcessor,
  ProcessedImage,
  RenditionRole,
} from '#media/types'

/**
 * Widths to produce for a source: every ladder width below the source, plus
 * the source width itself when it falls between rungs. Never upscales.
 */
export function ladderFor(sourceWidth: number, widths: number[]): number[] {
  const sorted = [...new Set(widths)].sort((a, b) => a - b)
  const below = sorted.filter((width) => width < sourceWidth)
  const top = Math.min(sourceWidth, sorted[sorted.length - 1])
  return below.includes(top) ? below : [...below, top]
}

/**
 * The built-in image processor on sharp (libvips). Decodes with a pixel limit
 * and fails on truncated input; writes AVIF, WebP and JPEG with no metadata
 * at all (sharp drops EXIF, XMP and IPTC unless asked to keep them), oriented
 * by their EXIF orientation first.
 */
export class SharpImageProcessor implements ImageProcessor {
  constructor(protected options: { maxPixels: number }) {}

  #open(input: string | Buffer) {
    return sharp(input, {
      limitInputPixels: this.options.maxPixels,
      failOn: 'truncated',
      animated: false,
    })
  }

  async dimensions(input: string) {
    try {
      // Header only: a decompression bomb is measured, never decoded.
      return await this.#orientedSize(sharp(input, { limitInputPixels: false }))
    } catch (error) {
      throw error instanceof MediaInputError ? error : this.#inputError(error)
    }
  }

  /** Width and height as displayed (EXIF orientations 5–8 swap them), from the header. */
  async #orientedSize(image: Sharp) {
    const metadata = await image.metadata()
    const width = metadata.width ?? 0
    const height = metadata.pageHeight ?? metadata.height ?? 0
    if (!width || !height) throw new MediaInputError('The image has no dimensions.')
    return (metadata.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height }
  }

  async verify(input: string) {
    try {
      await this.#open(input).resize(64, 64, { fit: 'inside' }).raw().toBuffer()
    } catch (error) {
      throw this.#inputError(error)
    }
  }

  async process(
    input: string | Buffer,
    presets: ImagePresets,
    role: RenditionRole = 'image'
  ): Promise<ProcessedImage> {
    try {
      const source = this.#open(input).rotate()
      const size = await this.#orientedSize(source)
      const widths = ladderFor(size.width, presets.widths)
      const formats = Object.keys(presets.formats) as ImageFormat[]

      const jobs = widths.flatMap((width) =>
        formats.map((format) => this.#encode(source, width, format, presets, role))
      )
      const [renditions, placeholder] = await Promise.all([
        Promise.all(jobs),
        this.#placeholder(source, presets.placeholderWidth),
      ])
      return { ...size, placeholder, renditions }
    } catch (error) {
      throw this.#inputError(error)
    }
  }

  async #encode(
    source: Sharp,
    width: number,
    format: ImageFormat,
    presets: ImagePresets,
    role: RenditionRole
  ): Promise<EncodedRendition> {
    const preset = presets.formats[format]
    let pipeline = source.clone().resize({ width, withoutEnlargement: true })
    if (format === 'jpeg') {
      pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({
        quality: preset.quality,
        progressive: true,
      })
    } else if (format === 'webp') {
      pipeline = pipeline.webp({ quality: preset.quality, effort: preset.effort })
    } else {
      pipeline = pipeline.avif({ quality: preset.quality, effort: preset.effort })
    }
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true })
    return { role, format, width: info.width, height: info.height, bytes: info.size, data }
  }

  /** A few hundred bytes of blurred WebP, inlined while the real image loads. */
  async #placeholder(source: Sharp, width: number) {
    const data = await source
      .clone()
      .resize({ width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .webp({ quality: 40 })
      .toBuffer()
    return `data:image/webp;base64,${data.toString('base64')}`
  }

  #inputError(error: unknown) {
    const reason = error instanceof Error ? error.message : String(error)
    if (/pixel limit/i.test(reason)) {
      return new MediaInputError('The image has more pixels than allowed.', { cause: error })
    }
    if (/premature end|truncated|unexpected end/i.test(reason)) {
      return new MediaInputError('The image file is truncated or damaged.', { cause: error })
    }
    return new MediaInputError(`The image could not be decoded (${reason.split('\n')[0]}).`, {
      cause: error,
    })
  }
}
