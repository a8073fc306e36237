/**
 * Photos and a video for the demo store, drawn here rather than shipped: a
 * studio-style still life per product (a soft backdrop, a shadow and an
 * object in the product's colours), and a slow zoom over one photo as the
 * product video. They go through the same upload validation and queued
 * pipeline as a seller's files.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { resolveBinary } from '#media/binaries'

const run = promisify(execFile)
const SIDE = 1000

/** Palettes per seller: backdrop, object, accent. */
const PALETTES: Record<string, string[][]> = {
  hanbit: [
    ['#efe7dc', '#f7f3ec', '#9fb7a4'],
    ['#e9e2d6', '#2f3b36', '#c9a66b'],
  ],
  jeju: [
    ['#fff1df', '#f59e0b', '#4d7c0f'],
    ['#f1f7e8', '#ea8a1a', '#65a30d'],
  ],
  seoul: [
    ['#e9edf2', '#1f2937', '#60a5fa'],
    ['#eef0f3', '#d1d5db', '#111827'],
  ],
  mono: [
    ['#f3f0ea', '#3f3f46', '#a8a29e'],
    ['#ece8e1', '#78716c', '#1c1917'],
  ],
}

/** A stable number from a string, so each product always gets the same picture. */
function seed(text: string) {
  return createHash('sha256').update(text).digest().readUInt32BE(0)
}

function stillLife(sku: string, seller: string, shot: number) {
  const palettes = PALETTES[seller] ?? PALETTES.mono
  const n = seed(`${sku}:${shot}`)
  const [backdrop, body, accent] = palettes[n % palettes.length]
  const cx = 500 + ((n >> 3) % 120) - 60
  const width = 260 + ((n >> 7) % 180)
  const height = 300 + ((n >> 11) % 220)
  const round = shot === 0 ? width / 2 : 28
  const zoom = shot === 0 ? 1 : 1.35
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIDE}" height="${SIDE}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="${backdrop}"/>
    </linearGradient>
    <radialGradient id="shade" cx="0.35" cy="0.3" r="0.9">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.45"/><stop offset="1" stop-color="#000000" stop-opacity="0.2"/>
    </radialGradient>
    <filter id="blur"><feGaussianBlur stdDeviation="18"/></filter>
  </defs>
  <rect width="${SIDE}" height="${SIDE}" fill="url(#bg)"/>
  <g transform="translate(500 560) scale(${zoom}) translate(-500 -560)">
    <ellipse cx="${cx}" cy="${760}" rx="${width * 0.62}" ry="34" fill="#000" opacity="0.18" filter="url(#blur)"/>
    <rect x="${cx - width / 2}" y="${760 - height}" width="${width}" height="${height}" rx="${round}" fill="${body}"/>
    <rect x="${cx - width / 2}" y="${760 - height}" width="${width}" height="${height}" rx="${round}" fill="url(#shade)"/>
    <rect x="${cx - width / 2}" y="${760 - height * 0.62}" width="${width}" height="${height * 0.12}" fill="${accent}" opacity="0.85"/>
    <circle cx="${cx + width * 0.55}" cy="${740}" r="${30 + (n % 30)}" fill="${accent}"/>
  </g>
</svg>`
}

/** Writes the demo photos of one product (JPEG, like a camera would) and returns their paths. */
export async function demoPhotos(directory: string, sku: string, seller: string, count: number) {
  await mkdir(directory, { recursive: true })
  const paths: string[] = []
  for (let shot = 0; shot < count; shot++) {
    const path = join(directory, `${sku.toLowerCase()}-${shot + 1}.jpg`)
    await sharp(Buffer.from(stillLife(sku, seller, shot)))
      .jpeg({ quality: 90 })
      .toFile(path)
    paths.push(path)
  }
  return paths
}

/** A 5-second product video: a slow zoom over a photo, as H.264 MP4. */
export async function demoVideo(directory: string, photo: string) {
  const path = join(directory, 'demo-video.mp4')
  await run(
    resolveBinary('ffmpeg', process.env.FFMPEG_PATH),
    [
      '-y',
      '-v',
      'error',
      '-loop',
      '1',
      '-i',
      photo,
      '-vf',
      "zoompan=z='min(zoom+0.0012,1.2)':d=125:s=960x540:fps=25,format=yuv420p",
      '-t',
      '5',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '26',
      path,
    ],
    { timeout: 120_000 }
  )
  return path
}
