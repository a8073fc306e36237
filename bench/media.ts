/*
 * Media pipeline benchmark: `npm run bench:media`.
 *
 * Boots the app in this process on a throwaway SQLite database and storage
 * directory, then runs the same generated photos and test video through
 *   - pipeline: MediaService.upload() (validation, sha256, original to Drive,
 *     row, ProcessImage/ProcessVideo job on the `media` queue), a real queue
 *     worker with config/queue.ts settings, MediaPipeline, until every row is ready;
 *   - bare: the same sharp renditions (config/media.ts presets, auto-orient,
 *     placeholder) and the same ffmpeg commands, written to a temp directory,
 *     with as many photos in flight as the worker has job slots.
 * "ratio" is pipeline throughput ÷ bare throughput: 1.00 means the app adds
 * nothing to the encoders' work, 0.80 means it takes 25% longer per item.
 * Each side is warmed up once, then measured BENCH_ROUNDS times in ABBA order
 * (bare, pipeline, pipeline, bare, …); the summary shows each side's best round
 * and, in brackets, the mean. "queue wait" is dispatch → a worker starting the
 * job: the first job's shows how fast an idle worker reacts (config/queue.ts
 * idleDelay); the mean also counts photos waiting for a free job slot.
 * Peak RSS is sampled every 50 ms; for video it includes the ffmpeg children.
 * Not part of `npm test`: numbers depend on the machine and its load.
 */
import 'reflect-metadata'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import { readdirSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import sharp, { type Sharp } from 'sharp'
import { Ignitor } from '@adonisjs/core'
import { generatePhotos, generateVideo } from './media_fixtures.js'

const run = promisify(execFile)
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)
const photoCount = Number(process.env.BENCH_IMAGES ?? 12)
const MB = 1024 * 1024
const loadAtStart = loadavg()[0]

const work = await mkdtemp(join(tmpdir(), 'jangteo-bench-media-'))
const storage = join(work, 'storage')
Object.assign(process.env, {
  NODE_ENV: 'development',
  PORT: '3399',
  HOST: '127.0.0.1',
  APP_KEY: randomBytes(24).toString('hex'),
  LOG_LEVEL: 'warn',
  SESSION_DRIVER: 'memory',
  LIMITER_STORE: 'memory',
  QUEUE_WORKER: 'off',
  QUEUE_DRIVER: 'database',
  DB_CONNECTION: 'sqlite',
  SQLITE_PATH: join(work, 'bench.sqlite3'),
  DRIVE_DISK: 'fs',
  MEDIA_STORAGE_PATH: storage,
})

// Booted like bin/console.ts, minus Ace: providers, then preloads (events, listeners).
const root = new URL('../', import.meta.url)
const app = new Ignitor(root, {
  importer: (path) => import(path.startsWith('.') ? new URL(path, root).href : path),
})
  .tap((application) => application.booting(async () => void (await import('#start/env'))))
  .createApp('console')
await app.init()
await app.boot()
await app.start(async () => {})

const { MigrationRunner } = await import('@adonisjs/lucid/migration')
const db = await app.container.make('lucid.db')
const migrator = new MigrationRunner(db, app, { direction: 'up', disableLocks: true })
await migrator.run()
if (migrator.error) throw migrator.error

const { default: env } = await import('#start/env')
const { default: Media } = await import('#models/media')
const { default: MediaService } = await import('#services/media_service')
const { createQueueWorker } = await import('#services/queue_worker')
const { ladderFor } = await import('#media/image_processor')
const { resolveBinary } = await import('#media/binaries')
const { MediaStatus } = await import('#media/media_status')
const { SYSTEM_ACTOR } = await import('#audit/actor')
const factories = await import('#database/factories/index')
type MediaConfig = import('#media/define_config').MediaConfig
type ImageFormat = import('#media/types').ImageFormat
type Product = Awaited<ReturnType<typeof factories.createProduct>>

const config = app.config.get<MediaConfig>('media')
const queue = app.config.get<{ worker: { concurrency: number; idleDelay: string } }>('queue')
const ffmpegPath = resolveBinary('ffmpeg', env.get('FFMPEG_PATH'))
const service = await app.container.make(MediaService)
const { seller } = await factories.createSellerOwner()
const category = await factories.CategoryFactory.create()
const newProduct = () => factories.createProduct(seller, category)

// Queue wait, from @boringnode/queue's tracing channels: dispatched → a worker starts it.
const queuedAt = new Map<string, number>()
let queueWaits: number[] = []
type Dispatched = { jobs: { id: string }[] }
subscribe('tracing:boringqueue.job.dispatch:asyncEnd', (message) => {
  for (const job of (message as Dispatched).jobs) queuedAt.set(job.id, performance.now())
})
subscribe('tracing:boringqueue.job.execute:start', (message) => {
  const queued = queuedAt.get((message as { job: { id: string } }).job.id)
  if (queued) queueWaits.push(performance.now() - queued)
})

/** Resident memory of this process's direct children (ffmpeg, ffprobe), from /proc. */
function childrenRss() {
  let total = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'latin1')
      if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) !== process.pid) continue
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
    } catch {} // the process exited between readdir and read
  }
  return total
}

/** Runs `task` over `items` with at most `limit` in flight, like the worker's job slots. */
async function inParallel<T>(items: T[], limit: number, task: (item: T, index: number) => unknown) {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: limit }, lane))
}

/** Uploads each file as a seller would, then waits until the worker has made every row ready. */
async function throughPipeline(product: Product, paths: string[]) {
  const ids: number[] = []
  for (const path of paths) {
    const { size } = await stat(path)
    const input = { path, size, clientName: basename(path) }
    const media = await service.upload(product, input, SYSTEM_ACTOR)
    ids.push(media.id)
  }
  while (true) {
    const rows = await Media.query().whereIn('id', ids).select('status', 'error')
    const failed = rows.find((media) => media.status === MediaStatus.Failed)
    if (failed) throw new Error(`The pipeline failed a file: ${failed.error}`)
    if (rows.every((media) => media.status === MediaStatus.Ready)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function encode(image: Sharp, format: ImageFormat) {
  const { quality, effort } = config.images.formats[format]
  if (format === 'jpeg') {
    return image.flatten({ background: '#ffffff' }).jpeg({ quality, progressive: true })
  }
  return format === 'webp' ? image.webp({ quality, effort }) : image.avif({ quality, effort })
}

/** The ladder and placeholder with plain sharp calls, as SharpImageProcessor makes them, to files. */
async function bareRenditions(input: string, prefix: string, formats: ImageFormat[]) {
  const { images, limits } = config
  const limitInputPixels = limits.imagePixels
  const source = sharp(input, { limitInputPixels, failOn: 'truncated', animated: false }).rotate()
  const metadata = await source.metadata()
  const width = (metadata.orientation ?? 1) >= 5 ? metadata.height! : metadata.width!
  const encodings = ladderFor(width, images.widths).flatMap((rung) =>
    formats.map((format) => {
      const resized = source.clone().resize({ width: rung, withoutEnlargement: true })
      return encode(resized, format).toFile(`${prefix}-${rung}.${format}`)
    })
  )
  const placeholder = source
    .clone()
    .resize({ width: images.placeholderWidth, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .webp({ quality: 40 })
    .toBuffer()
    .then((data) => `data:image/webp;base64,${data.toString('base64')}`)
  await Promise.all([...encodings, placeholder])
}

/** Photos with as many in flight as the worker has job slots. */
function bareImages(paths: string[], dir: string) {
  const formats = Object.keys(config.images.formats) as ImageFormat[]
  return inParallel(paths, queue.worker.concurrency, (path, index) =>
    bareRenditions(path, join(dir, `image-${index}`), formats)
  )
}

/**
 * FfmpegVideoTranscoder's transcode and frame commands, argument for argument
 * as fluent-ffmpeg builds them (for a landscape source with audio, like the
 * test clip), then the poster ladder (JPEG and WebP) as MediaPipeline makes it.
 */
async function bareVideo(input: string, dir: string) {
  const { videos } = config
  const demux = ['-protocol_whitelist', 'file', '-f', 'mov']
  const ffmpeg = (args: string[]) => run(ffmpegPath, args, { maxBuffer: 64 * MB })
  // prettier-ignore
  await ffmpeg([
    ...demux, '-i', `file:${input}`, '-y',
    '-map', '0:v:0', '-map', '0:a:0', '-map_metadata', '-1', '-map_chapters', '-1', '-sn', '-dn',
    '-vf', `scale=-2:${Math.min(...videos.heights)},format=yuv420p`,
    '-c:v', 'libx264', '-preset', videos.preset, '-crf', String(videos.crf), '-profile:v', 'high',
    '-c:a', 'aac', '-b:a', videos.audioBitrate, '-ac', '2', '-movflags', '+faststart',
    '-threads', String(videos.threads), '-f', 'mp4', join(dir, 'video.mp4'),
  ])
  const poster = join(dir, 'poster.png')
  // prettier-ignore
  await ffmpeg([
    ...demux, '-ss', videos.posterAt.toFixed(3), '-i', `file:${input}`, '-y',
    '-frames:v', '1', '-map_metadata', '-1', '-f', 'image2', '-c:v', 'png', poster,
  ])
  await bareRenditions(poster, join(dir, 'poster'), ['jpeg', 'webp'])
}

/** A fresh directory: copies of the inputs never hit sharp's operation cache twice. */
let scratch = 0
async function freshDir(copiesOf: string[] = []) {
  const dir = join(work, 'scratch', String(++scratch))
  await mkdir(dir, { recursive: true })
  const copies = copiesOf.map((path) => join(dir, basename(path)))
  await Promise.all(copiesOf.map((path, index) => copyFile(path, copies[index])))
  return { dir, copies }
}

const mb = (bytes: number) => String(Math.round(bytes / MB))
const results: Record<string, number[]> = {}
const peaks: Record<string, number> = {}

/** Prints a table row: the first cell padded on the right, the others on the left. */
function row(widths: number[], ...cells: string[]) {
  console.log(
    cells.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' ')
  )
}

/**
 * Runs one phase, sampling RSS every 50 ms (with the ffmpeg children for
 * video: scanning /proc costs ~1 ms), and prints its row. Pipeline phases
 * start on empty storage, as new uploads do.
 */
async function phase(workload: 'images' | 'video', side: string, task: () => Promise<unknown>) {
  const name = `${workload} ${side}`
  if (side === 'pipeline') await rm(storage, { recursive: true, force: true })
  const rss = () => process.memoryUsage.rss() + (workload === 'video' ? childrenRss() : 0)
  const startRss = rss()
  let peakRss = startRss
  const timer = setInterval(() => (peakRss = Math.max(peakRss, rss())), 50)
  queueWaits = []
  const started = performance.now()
  await task().finally(() => clearInterval(timer))
  const elapsed = (performance.now() - started) / 1000
  ;(results[name] ??= []).push(elapsed)
  peaks[name] = Math.max(peaks[name] ?? 0, peakRss)
  const average = queueWaits.reduce((a, b) => a + b, 0) / queueWaits.length
  const wait = queueWaits.length
    ? `queue wait: first ${(queueWaits[0] / 1000).toFixed(1)} s, mean ${(average / 1000).toFixed(1)} s`
    : ''
  const memory = `RSS ${mb(startRss)} → ${mb(peakRss)} MB`
  row([16, 9, 22, 0], name, `${elapsed.toFixed(2)} s`, memory, wait)
}

console.log('Generating inputs…')
const { dir: inputs } = await freshDir()
const [warmPhoto, ...photos] = await generatePhotos(inputs, photoCount + 1)
const clip = { width: 1280, height: 720, seconds: 10, fps: 30 }
const video = await generateVideo(ffmpegPath, join(inputs, 'clip.mp4'), clip)
const warmClip = { width: 320, height: 240, seconds: 2, fps: 30 }
const warmVideo = await generateVideo(ffmpegPath, join(inputs, 'warm.mp4'), warmClip)

const worker = await createQueueWorker(app)
const working = worker.start(['media'])

const labels = [...new Set(photos.map((photo) => photo.label))].join(', ')
const { size: videoBytes } = await stat(video)
console.log(`\n${photos.length} photos (${labels})`)
console.log(`1 video: 1280×720, 10 s, 30 fps, H.264 + AAC, ${mb(videoBytes)} MB\n`)
const warm = await freshDir([warmPhoto.path])
await bareImages(warm.copies, warm.dir)
await throughPipeline(await newProduct(), warm.copies)
await bareVideo(warmVideo, warm.dir)
await throughPipeline(await newProduct(), [warmVideo])

for (const workload of ['images', 'video'] as const) {
  for (let round = 1; round <= rounds; round++) {
    for (const side of round % 2 ? ['bare', 'pipeline'] : ['pipeline', 'bare']) {
      const paths = workload === 'images' ? photos.map((photo) => photo.path) : [video]
      const [{ dir, copies }, product] = await Promise.all([freshDir(paths), newProduct()])
      await phase(workload, side, () => {
        if (side === 'pipeline') return throughPipeline(product, copies)
        return workload === 'images' ? bareImages(copies, dir) : bareVideo(copies[0], dir)
      })
    }
  }
}

const best = (name: string) => Math.min(...results[name])
const mean = (name: string) => results[name].reduce((a, b) => a + b) / results[name].length
const rate = (workload: string, time: number) =>
  workload === 'images' ? `${(photos.length / time).toFixed(2)} img/s` : `${time.toFixed(2)} s`
const columns = [8, 24, 24, 13, 22]
console.log(`\nSummary: best of ${rounds} rounds [mean]; peak RSS over all rounds`)
row(columns, 'workload', 'bare', 'pipeline', 'ratio', 'peak MB bare/pipeline')
for (const workload of ['images', 'video']) {
  const [bare, pipeline] = [`${workload} bare`, `${workload} pipeline`]
  const cell = (name: string) => `${rate(workload, best(name))} [${rate(workload, mean(name))}]`
  const ratio = (of: (name: string) => number) => (of(bare) / of(pipeline)).toFixed(2)
  const memory = `${mb(peaks[bare])} / ${mb(peaks[pipeline])}`
  row(columns, workload, cell(bare), cell(pipeline), `${ratio(best)} [${ratio(mean)}]`, memory)
}

const { stdout: ffmpegVersion } = await run(ffmpegPath, ['-version'])
const { sharp: sharpVersion, vips } = sharp.versions
console.log(
  [
    `\nMachine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), parallelism ${availableParallelism()}`,
    `Load average (1 min) before the run: ${loadAtStart.toFixed(2)}`,
    `Node ${process.version}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 4}`,
    `sharp ${sharpVersion}, libvips ${vips}, sharp.concurrency() ${sharp.concurrency()}`,
    `${ffmpegVersion.split('\n')[0]}\n  at ${ffmpegPath}`,
    `Queue worker: concurrency ${queue.worker.concurrency}, idleDelay ${queue.worker.idleDelay}; ` +
      `ffmpeg threads ${config.videos.threads}`,
  ].join('\n')
)

await worker.stop()
await working
await app.terminate()
await rm(work, { recursive: true, force: true })
