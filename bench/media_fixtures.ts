/*
 * Inputs for the media benchmark (bench/media.ts): phone-like photos and a
 * test-pattern video, generated on the spot so the benchmark needs no
 * checked-in binaries.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'

const run = promisify(execFile)

export interface Photo {
  path: string
  /** Size, format and orientation, for the benchmark's header. */
  label: string
}

/**
 * The photo mix: 4000×3000 phone JPEGs (half of them taken upright, so stored
 * with EXIF orientation 6), 1080p PNG screenshots and 1200×1600 portrait JPEGs.
 */
const SHAPES = [
  { width: 4000, height: 3000, format: 'jpeg', orientation: 6 },
  { width: 1920, height: 1080, format: 'png', orientation: 1 },
  { width: 1200, height: 1600, format: 'jpeg', orientation: 1 },
  { width: 4000, height: 3000, format: 'jpeg', orientation: 1 },
] as const

/** Gradients, shapes and text, different for every seed, so no two photos share a hash. */
function scene(width: number, height: number, seed: number) {
  const hue = (seed * 47) % 360
  const circles = Array.from({ length: 12 }, (_, i) => {
    const x = ((seed * 131 + i * 977) % 100) / 100
    const y = ((seed * 71 + i * 613) % 100) / 100
    const r = (Math.min(width, height) * (4 + ((i * seed) % 9))) / 60
    return `<circle cx="${x * width}" cy="${y * height}" r="${r}" fill="hsl(${(hue + i * 29) % 360},70%,55%)" fill-opacity="0.7"/>`
  })
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="hsl(${hue},60%,80%)"/>
        <stop offset="1" stop-color="hsl(${(hue + 140) % 360},50%,25%)"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      ${circles.join('')}
      <rect x="${width * 0.1}" y="${height * 0.7}" width="${width * 0.5}" height="${height * 0.15}"
        rx="${height * 0.02}" fill="#fff" fill-opacity="0.85"/>
      <text x="${width * 0.12}" y="${height * 0.8}" font-size="${height * 0.07}"
        font-family="sans-serif" fill="#222">Jangteo product #${seed}</text>
    </svg>`
  )
}

/**
 * `count` distinct photos cycling through SHAPES. The JPEGs get sensor-like
 * grain (a noise layer) so they weigh what phone photos weigh (2–4 MB at
 * 12 MP); the PNGs are clean, like screenshots.
 */
export async function generatePhotos(dir: string, count: number) {
  const photos: Photo[] = []
  const grains = new Map<string, Buffer>()
  for (let index = 0; index < count; index++) {
    const seed = index + 1
    const { width, height, format, orientation } = SHAPES[index % SHAPES.length]
    let image = sharp(scene(width, height, seed)).flatten({ background: '#000' })
    if (format === 'jpeg') {
      const size = `${width}x${height}`
      if (!grains.has(size)) {
        const noise = { type: 'gaussian', mean: 128, sigma: 24 } as const
        const grain = sharp({
          create: { width, height, channels: 3, background: '#808080', noise },
        })
        grains.set(size, await grain.png({ compressionLevel: 0 }).toBuffer())
      }
      image = sharp(await image.png({ compressionLevel: 0 }).toBuffer()).composite([
        { input: grains.get(size)!, blend: 'soft-light' },
      ])
    }
    const path = join(dir, `photo-${seed}.${format === 'jpeg' ? 'jpg' : 'png'}`)
    const output =
      format === 'jpeg'
        ? image.jpeg({ quality: 90 }).withMetadata({ orientation })
        : image.png({ compressionLevel: 6 })
    await output.toFile(path)
    const label = `${width}×${height} ${format}${orientation === 6 ? ' (EXIF 6)' : ''}`
    photos.push({ path, label })
  }
  return photos
}

/** An H.264/AAC MP4 from ffmpeg's testsrc2 pattern and a sine tone. */
export async function generateVideo(
  ffmpegPath: string,
  path: string,
  options: { width: number; height: number; seconds: number; fps: number }
) {
  const { width, height, seconds, fps } = options
  await run(ffmpegPath, [
    '-y',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    path,
  ])
  return path
}
