import env from '#start/env'
import { defineConfig } from '#media/define_config'
import { SharpImageProcessor } from '#media/image_processor'
import { FfmpegVideoTranscoder } from '#media/video_transcoder'
import { resolveBinary } from '#media/binaries'

const MB = 1024 * 1024
const disk = env.get('DRIVE_DISK', 'fs')

/**
 * Product photos and videos: upload limits, the renditions the pipeline
 * makes, and which processor makes them. Changing a preset changes the
 * rendition keys; run `node ace media:regenerate` afterwards.
 */
export default defineConfig({
  disks: {
    renditions: disk,
    originals: `${disk}_private`,
  },
  // Where customers fetch renditions: the local file server, or the bucket/CDN.
  publicUrl: disk === 'fs' ? '/media' : env.get('S3_PUBLIC_URL', ''),
  limits: {
    imageBytes: 25 * MB,
    videoBytes: 200 * MB,
    // sharp's own default is 268 MP; a phone photo is 12–50 MP.
    imagePixels: 50_000_000,
    videoSeconds: 180,
    videoLongEdge: 3840,
    videoShortEdge: 2160,
    filesPerProduct: 30,
  },
  images: {
    widths: [320, 640, 960, 1280, 1920],
    formats: {
      avif: { quality: 50, effort: 2 },
      webp: { quality: 75, effort: 4 },
      jpeg: { quality: 78 },
    },
    placeholderWidth: 16,
  },
  videos: {
    heights: [720, 1080],
    crf: 23,
    preset: 'veryfast',
    audioBitrate: '128k',
    posterAt: 1,
    timeoutSeconds: 600,
    threads: env.get('MEDIA_FFMPEG_THREADS', 2),
  },
  imageProcessor: (config) => new SharpImageProcessor({ maxPixels: config.limits.imagePixels }),
  videoTranscoder: (config) =>
    new FfmpegVideoTranscoder({
      ffmpegPath: resolveBinary('ffmpeg', env.get('FFMPEG_PATH')),
      ffprobePath: resolveBinary('ffprobe', env.get('FFPROBE_PATH')),
      threads: config.videos.threads,
      timeoutSeconds: config.videos.timeoutSeconds,
      crf: config.videos.crf,
      preset: config.videos.preset,
      audioBitrate: config.videos.audioBitrate,
    }),
})
