import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import MediaRendition from '#models/media_rendition'
import { MediaPipeline } from '#media/media_pipeline'
import { MediaStorage } from '#media/media_storage'
import { resolveBinary } from '#media/binaries'
import { attachProcessedMedia, fileWith, testVideo } from '#tests/helpers/media_fixtures'
import { sellerWithProduct, upload } from './helpers.js'

test.group('Media | video processing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a video becomes an H.264 MP4 with a poster and its duration', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const video = await testVideo('clip.webm', { width: 320, height: 240, seconds: 2 })
    const uploaded = await upload(client, owner, product.id, video.path)
    uploaded.assertStatus(202)
    assert.equal(uploaded.body().data.kind, 'video')
    const id = uploaded.body().data.id
    const pipeline = await app.container.make(MediaPipeline)
    assert.equal(await pipeline.process(id), 'processed')

    const shown = await client.get(`/api/v1/seller/media/${id}`).withGuard('api').loginAs(owner)
    const data = shown.body().data
    assert.equal(data.status, 'ready')
    assert.closeTo(data.durationMs, 2000, 150)
    assert.deepEqual(
      data.renditions.map((r: { format: string; width: number; height: number }) => [
        r.format,
        r.width,
        r.height,
      ]),
      [['mp4', 320, 240]],
      'never upscaled to 720p'
    )
    assert.deepEqual(data.poster.renditions.map((r: { format: string }) => r.format).sort(), [
      'jpeg',
      'webp',
    ])

    // H.264 + AAC, with the index (moov) ahead of the data for progressive playback.
    const [mp4] = await MediaRendition.query().where('media_id', id).where('role', 'video')
    const storage = await app.container.make(MediaStorage)
    const bytes = Buffer.from(await storage.renditions.getBytes(mp4.key))
    assert.isBelow(bytes.indexOf('moov'), bytes.indexOf('mdat'), '+faststart')
    const local = await fileWith('stored.mp4', bytes)
    const ffprobe = (path: string) =>
      promisify(execFile)(resolveBinary('ffprobe'), [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_name:format_tags',
        '-of',
        'json',
        path,
      ]).then(({ stdout }) => JSON.parse(stdout))
    const output = await ffprobe(local.path)
    assert.deepEqual(
      output.streams.map((stream: { codec_name: string }) => stream.codec_name),
      ['h264', 'aac']
    )
    // The uploaded clip carried a GPS location tag; the rendition carries none.
    const input = await ffprobe(video.path)
    assert.match(JSON.stringify(input.format.tags), /37\.5665/)
    assert.notMatch(JSON.stringify(output.format?.tags ?? {}), /location|37\.5665/i)
  })

  test('a Full HD source gets 720p and 1080p; a portrait video stays portrait', async ({
    assert,
  }) => {
    const { product } = await sellerWithProduct()
    const wide = await testVideo('full-hd.mp4', { width: 1920, height: 1080, seconds: 1 })
    const tall = await testVideo('portrait.mp4', {
      width: 720,
      height: 1280,
      seconds: 1,
      audio: false,
    })
    const renditionsOf = async (path: string) => {
      const media = await attachProcessedMedia(product, path)
      const rows = await MediaRendition.query()
        .where('media_id', media.id)
        .where('role', 'video')
        .orderBy('height')
      return rows.map((row) => [row.width, row.height])
    }
    assert.deepEqual(await renditionsOf(wide.path), [
      [1280, 720],
      [1920, 1080],
    ])
    assert.deepEqual(await renditionsOf(tall.path), [[720, 1280]])
  }).timeout(60_000)
})
