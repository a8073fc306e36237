import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import app from '@adonisjs/core/services/app'
import type { test as japaTest } from '@japa/runner'
import { MediaInputError } from '#media/errors'
import { ladderFor } from '#media/image_processor'
import { resolveBinary } from '#media/binaries'
import type { ImagePresets, ImageProcessor, VideoTranscoder } from '#media/types'
import { fileWith, gpsOf, photoWithGps, pngBomb, testVideo } from '#tests/helpers/media_fixtures'

const PRESETS: ImagePresets = {
  widths: [160, 320, 640],
  formats: { avif: { quality: 50, effort: 2 }, webp: { quality: 75 }, jpeg: { quality: 78 } },
  placeholderWidth: 16,
}

/**
 * What every ImageProcessor must do, built-in or a plugin's: read sizes from
 * the header, refuse damaged files with MediaInputError, and make the whole
 * ladder, oriented, never upscaled, with no metadata left.
 */
export function imageProcessorSuite(options: {
  test: typeof japaTest
  name: string
  create: (limits: { maxPixels: number }) => ImageProcessor
}) {
  const { test, create } = options
  const processor = () => create({ maxPixels: 50_000_000 })

  test.group(`Media processors | ${options.name} (images)`, () => {
    test('reads display dimensions from the header, orientation applied', async ({ assert }) => {
      const photo = await photoWithGps('conformance-oriented.jpg', 600, 400)
      assert.deepEqual(await processor().dimensions(photo.path), { width: 400, height: 600 })
      const bomb = await pngBomb('conformance-bomb.png')
      assert.deepEqual(await processor().dimensions(bomb.path), { width: 8000, height: 8000 })
    })

    test('refuses truncated and undecodable files with MediaInputError', async ({ assert }) => {
      const photo = await photoWithGps('conformance-whole.jpg', 600, 400)
      const cut = await fileWith(
        'conformance-cut.jpg',
        photo.data.subarray(0, photo.data.length / 2)
      )
      const junk = await fileWith('conformance-junk.png', 'not an image')
      await assert.rejects(() => processor().verify(cut.path), MediaInputError)
      await assert.rejects(() => processor().process(junk.path, PRESETS), MediaInputError)
      await processor().verify(photo.path)
    })

    test('refuses images over its pixel limit', async ({ assert }) => {
      const bomb = await pngBomb('conformance-bomb.png')
      await assert.rejects(() => processor().process(bomb.path, PRESETS), MediaInputError)
    })

    test('makes every format at every width up to the source, without metadata', async ({
      assert,
    }) => {
      const photo = await photoWithGps('conformance-ladder.jpg', 900, 500)
      const result = await processor().process(photo.path, PRESETS)
      assert.deepEqual([result.width, result.height], [500, 900])
      const expected = ladderFor(500, PRESETS.widths).flatMap((width) =>
        ['avif', 'webp', 'jpeg'].map((format) => `${format}@${width}`)
      )
      assert.sameMembers(
        result.renditions.map((rendition) => `${rendition.format}@${rendition.width}`),
        expected
      )
      for (const rendition of result.renditions) {
        const data = Buffer.isBuffer(rendition.data)
          ? rendition.data
          : await readFile(rendition.data.path)
        const metadata = await sharp(data).metadata()
        assert.equal(rendition.role, 'image')
        assert.deepEqual([metadata.width, metadata.height], [rendition.width, rendition.height])
        assert.isAbove(rendition.height, rendition.width, 'oriented as displayed')
        assert.equal(rendition.bytes, data.length)
        assert.isUndefined(metadata.exif)
        assert.isNull(await gpsOf(data))
      }
      assert.match(result.placeholder, /^data:image\/(webp|jpeg|png);base64,/)
      assert.isBelow(result.placeholder.length, 1500, 'small enough to inline')
    })
  })
}

/**
 * What every VideoTranscoder must do: probe duration and display size, refuse
 * what is not a video with MediaInputError, write an H.264/AAC MP4 at the
 * asked short edge with its index first and no metadata, and grab a frame.
 */
export function videoTranscoderSuite(options: {
  test: typeof japaTest
  name: string
  create: () => VideoTranscoder
}) {
  const { test, create } = options
  const ffprobe = (path: string) =>
    promisify(execFile)(resolveBinary('ffprobe', process.env.FFPROBE_PATH), [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name,width,height:format_tags',
      '-of',
      'json',
      path,
    ]).then(({ stdout }) => JSON.parse(stdout))

  test.group(`Media processors | ${options.name} (videos)`, () => {
    test('probes duration, display size and audio', async ({ assert }) => {
      const clip = await testVideo('conformance-probe.webm', {
        width: 320,
        height: 240,
        seconds: 1,
      })
      const probe = await create().probe(clip.path, 'webm')
      assert.closeTo(probe.durationMs, 1000, 100)
      assert.include(probe, { width: 320, height: 240, hasAudio: true })
    })

    test('refuses files that are not videos of the stated container', async ({ assert }) => {
      const playlist = await fileWith('conformance-list.mp4', '#EXTM3U\n#EXTINF:1,\n/etc/passwd\n')
      await assert.rejects(() => create().probe(playlist.path, 'mp4'), MediaInputError)
      const webm = await testVideo('conformance-kind.webm', { seconds: 1, audio: false })
      await assert.rejects(() => create().probe(webm.path, 'mp4'), MediaInputError)
    })

    test('transcodes to H.264/AAC MP4 at the short edge, index first, no metadata', async ({
      assert,
    }) => {
      const clip = await testVideo('conformance-source.mp4', {
        width: 640,
        height: 360,
        seconds: 1,
      })
      const transcoder = create()
      const probe = await transcoder.probe(clip.path, 'mp4')
      const output = join(app.tmpPath('fixtures'), 'conformance-out.mp4')
      await transcoder.transcode(clip.path, 'mp4', probe, { shortEdge: 240, output })
      const result = await ffprobe(output)
      assert.deepEqual(
        result.streams.map((stream: { codec_name: string }) => stream.codec_name),
        ['h264', 'aac']
      )
      assert.include(result.streams[0], { width: 426, height: 240 })
      assert.notMatch(JSON.stringify(result.format?.tags ?? {}), /location/i)
      const bytes = await readFile(output)
      assert.isBelow(bytes.indexOf('moov'), bytes.indexOf('mdat'))
    })

    test('writes a frame as PNG', async ({ assert }) => {
      const clip = await testVideo('conformance-frame.mp4', { width: 320, height: 240, seconds: 1 })
      const output = join(app.tmpPath('fixtures'), 'conformance-frame.png')
      await create().frame(clip.path, 'mp4', 0.5, output)
      const metadata = await sharp(output).metadata()
      assert.include(metadata, { format: 'png', width: 320, height: 240 })
    })
  })
}
