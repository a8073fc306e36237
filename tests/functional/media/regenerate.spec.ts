import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import MediaRendition from '#models/media_rendition'
import { MediaManager } from '#media/media_manager'
import { MediaStorage } from '#media/media_storage'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { attachProcessedMedia, smallPng, testVideo } from '#tests/helpers/media_fixtures'

async function widthsOf(mediaId: number, format = 'webp') {
  const rows = await MediaRendition.query()
    .where('media_id', mediaId)
    .where('format', format)
    .orderBy('width')
  return rows.map((row) => row.width)
}

test.group('media:regenerate', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    ace.ui.switchMode('raw')
    return () => {
      QueueManager.restore()
      ace.ui.switchMode('normal')
    }
  })

  test('re-makes renditions after a preset change and removes the old files', async ({
    assert,
    cleanup,
  }) => {
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.Published,
    })
    const png = await smallPng('regen.png', 900, 600)
    const photo = await attachProcessedMedia(product, png.path)
    const video = await testVideo('regen.mp4', { seconds: 1, width: 320, height: 240 })
    const clip = await attachProcessedMedia(product, video.path)
    assert.deepEqual(await widthsOf(photo.id), [320, 640, 900])
    const oldKeys = await MediaRendition.query().where('media_id', photo.id)

    const up = await ace.exec('media:regenerate', [])
    up.assertSucceeded()
    up.assertLogMatches(/Nothing to do: 2 media up to date/)

    const manager = await app.container.make(MediaManager)
    const widths = manager.config.images.widths
    manager.config.images.widths = [200, 480]
    cleanup(() => {
      manager.config.images.widths = widths
    })

    const images = await ace.exec('media:regenerate', ['--only=images', `--seller=${seller.slug}`])
    images.assertSucceeded()
    images.assertLogMatches(/\[#{30}\] 1\/1/)
    images.assertLogMatches(
      /Regenerated 1 of 1 media .*\(0 failed, 0 deleted meanwhile, 0 already up to date\)/
    )
    // The ladder now tops out at 480: nothing wider is made.
    assert.deepEqual(await widthsOf(photo.id), [200, 480])
    const storage = await app.container.make(MediaStorage)
    for (const rendition of oldKeys) {
      assert.isFalse(await storage.renditions.exists(rendition.key), `${rendition.key} removed`)
    }

    // The video's poster uses the image widths too, so it is now due.
    const videos = await ace.exec('media:regenerate', [`--product=${product.id}`, '--only=videos'])
    videos.assertSucceeded()
    assert.deepEqual(await widthsOf(clip.id), [200, 320])
  }).timeout(60_000)

  test('reports failures with their reason and exits 1', async ({ assert }) => {
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create())
    const png = await smallPng('regen-broken.png', 77, 55)
    const media = await attachProcessedMedia(product, png.path)
    const storage = await app.container.make(MediaStorage)
    await storage.originals.put(media.originalKey, Buffer.from('gone bad'))

    const command = await ace.exec('media:regenerate', ['--force', `--product=${product.id}`])
    assert.equal(command.exitCode, 1)
    command.assertLogMatches(/Regenerated 0 of 1 media/)
    command.assertLogMatches(/#\d+ \(regen-broken\.png\): .*could not be decoded/)
    await media.refresh()
    assert.equal(media.status, 'ready', 'the previous renditions keep serving')
  })

  test('refuses unknown filters', async () => {
    const seller = await ace.exec('media:regenerate', ['--seller=nobody'])
    seller.assertFailed()
    seller.assertLogMatches(/No seller "nobody"/)
    const only = await ace.exec('media:regenerate', ['--only=audio'])
    only.assertFailed()
    only.assertLogMatches(/--only must be "images" or "videos"/)
  })

  test('--queue sends the work to the media queue', async () => {
    const fake = QueueManager.fake()
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create())
    const png = await smallPng('regen-queued.png', 64, 48)
    await attachProcessedMedia(product, png.path)

    const command = await ace.exec('media:regenerate', [
      '--force',
      '--queue',
      `--product=${product.id}`,
    ])
    command.assertSucceeded()
    command.assertLogMatches(/Queued 1 media on the "media" queue/)
    fake.assertPushed('ProcessImage', {
      queue: 'media',
      payload: (p: { force?: boolean }) => p.force === true,
    })
  })
})
