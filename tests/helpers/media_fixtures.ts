import { execFile } from 'node:child_process'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { deflateSync, crc32 } from 'node:zlib'
import sharp from 'sharp'
import exifReader from 'exif-reader'
import app from '@adonisjs/core/services/app'
import { resolveBinary } from '#media/binaries'
import { MediaPipeline } from '#media/media_pipeline'
import MediaService from '#services/media_service'
import type Product from '#models/product'
import { SYSTEM_ACTOR } from '#audit/actor'

const run = promisify(execFile)
const dir = () => app.tmpPath('fixtures')

async function save(name: string, data: Buffer | string) {
  await mkdir(dir(), { recursive: true })
  const path = join(dir(), name)
  await writeFile(path, data)
  return path
}

/** The GPS position read from an image's EXIF, if it has one. */
export async function gpsOf(data: Buffer | Uint8Array) {
  const { exif } = await sharp(data).metadata()
  if (!exif) return null
  const gps = exifReader(exif).GPSInfo
  return gps?.GPSLatitude ? gps : null
}

/** A 1200×800 JPEG photo with EXIF GPS coordinates (Seoul) and orientation 6 (rotated). */
export async function photoWithGps(name = 'photo.jpg', width = 1200, height = 800) {
  const data = await sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#1e6"/></svg>`
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'JangteoTestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '37/1 33/1 59/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '126/1 58/1 40/1',
      },
    })
    .toBuffer()
  return { path: await save(name, data), data }
}

/** A small PNG with transparency. */
export async function smallPng(name = 'small.png', width = 200, height = 150) {
  const data = await sharp({
    create: { width, height, channels: 4, background: { r: 10, g: 20, b: 200, alpha: 0.5 } },
  })
    .png()
    .toBuffer()
  return { path: await save(name, data), data }
}

function pngChunk(type: string, body: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/**
 * A real decompression bomb: a valid 8000 × 8000 greyscale PNG (64 MP, over
 * the 50 MP limit) whose pixels are all zero, so it is a few dozen KB.
 */
export async function pngBomb(name = 'bomb.png', side = 8000) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, no interlace
  const raw = Buffer.alloc((side + 1) * side) // filter byte 0 + zero pixels per row
  const data = Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
  return { path: await save(name, data), data }
}

export async function fileWith(name: string, content: Buffer | string) {
  return { path: await save(name, content), data: Buffer.from(content) }
}

/**
 * A short test-pattern video made by ffmpeg itself: H.264/AAC MP4 by
 * default, or WebM (VP8) or MOV.
 */
export async function testVideo(
  name: string,
  options: { width?: number; height?: number; seconds?: number; audio?: boolean } = {}
) {
  const { width = 320, height = 240, seconds = 2, audio = true } = options
  await mkdir(dir(), { recursive: true })
  const path = join(dir(), name)
  const webm = name.endsWith('.webm')
  await run(
    resolveBinary('ffmpeg', process.env.FFMPEG_PATH),
    [
      '-y',
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=${width}x${height}:rate=15:duration=${seconds}`,
      ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`] : []),
      ...(webm
        ? ['-c:v', 'libvpx', '-b:v', '200k', ...(audio ? ['-c:a', 'libvorbis'] : [])]
        : [
            '-c:v',
            'libx264',
            '-preset',
            'ultrafast',
            '-pix_fmt',
            'yuv420p',
            ...(audio ? ['-c:a', 'aac'] : []),
          ]),
      '-metadata',
      'location=+37.5665+126.9780/',
      '-shortest',
      path,
    ],
    { timeout: 60_000 }
  )
  return { path }
}

/**
 * Uploads a file to a product through the media service and processes it at
 * once (no worker), as the seller center and the queue together would.
 */
export async function attachProcessedMedia(product: Product, path: string, alt?: string) {
  const { size } = await stat(path)
  const service = await app.container.make(MediaService)
  const media = await service.upload(
    product,
    { path, size, clientName: basename(path), alt },
    SYSTEM_ACTOR
  )
  const pipeline = await app.container.make(MediaPipeline)
  await pipeline.process(media.id)
  await media.refresh()
  return media
}
