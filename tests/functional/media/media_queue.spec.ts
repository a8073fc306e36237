import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Media from '#models/media'
import MediaRendition from '#models/media_rendition'
import MediaService from '#services/media_service'
import { MediaPipeline } from '#media/media_pipeline'
import { MediaStorage } from '#media/media_storage'
import { MediaManager } from '#media/media_manager'
import type { RenditionFormat } from '#media/types'
import ProcessImage from '#jobs/media/process_image'
import { SYSTEM_ACTOR } from '#audit/actor'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { photoWithGps, smallPng, testVideo } from '#tests/helpers/media_fixtures'
import { workUntil } from '#tests/helpers/queue'
import { auditTrail } from '../api/helpers.js'

async function productForUploads() {
  const { seller } = await createSellerOwner()
  const category = await CategoryFactory.create()
  return createProduct(seller, category, { status: ProductStatus.Published })
}

async function upload(product: Awaited<ReturnType<typeof productForUploads>>, path: string) {
  const service = await app.container.make(MediaService)
  const { size } = await stat(path)
  return service.upload(product, { path, size, clientName: basename(path) }, SYSTEM_ACTOR)
}

async function allReady(ids: number[]) {
  const rows = await Media.query().whereIn('id', ids)
  return rows.every((media) => media.status === 'ready' || media.status === 'failed')
}

/** Storage that fails after writing `okWrites` renditions, like a crash or an outage midway. */
class FlakyStorage extends MediaStorage {
  writes = 0
  constructor(
    config: MediaStorage['config'],
    protected okWrites: number
  ) {
    super(config)
  }

  async putRendition(key: string, data: Buffer | { path: string }, format: RenditionFormat) {
    if (++this.writes > this.okWrites) throw new Error('connect ECONNREFUSED storage')
    return super.putRendition(key, data, format)
  }
}

/*
 * A real worker runs the jobs, so rows must be committed: these tests
 * truncate instead of wrapping each test in a transaction.
 */
test.group('Media jobs | real queue workers', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the configured queue driver ({driver}) runs image and video jobs to ready')
    .with([{ driver: process.env.QUEUE_DRIVER || 'database' }])
    .run(async ({ assert }) => {
      const product = await productForUploads()
      const photo = await photoWithGps('queued.jpg')
      const video = await testVideo('queued.mp4', { seconds: 1 })
      const image = await upload(product, photo.path)
      const clip = await upload(product, video.path)

      await workUntil(() => allReady([image.id, clip.id]))

      await image.refresh()
      await clip.refresh()
      assert.equal(image.status, 'ready')
      assert.equal(clip.status, 'ready')
      assert.equal(image.attempts, 1)
      const actions = await auditTrail('media', image.id)
      assert.deepEqual(
        actions.map((event) => event.action),
        ['media.uploaded', 'media.processed']
      )
    })
    .timeout(120_000)

  test('the database driver processes media on this database', async ({ assert }) => {
    const product = await productForUploads()
    const png = await smallPng('db-driver.png', 500, 400)
    const service = await app.container.make(MediaService)
    const { size } = await stat(png.path)
    // Uploaded without dispatching, then queued explicitly on the database adapter.
    const media = await service.upload(
      product,
      { path: png.path, size, clientName: 'db-driver.png' },
      SYSTEM_ACTOR
    )
    await Media.query().where('id', media.id).update({ status: 'queued' })
    await ProcessImage.dispatch({ mediaId: media.id }).with('database')

    await workUntil(() => allReady([media.id]), { adapter: 'database' })

    await media.refresh()
    assert.equal(media.status, 'ready')
    assert.equal(
      await MediaRendition.query()
        .where('media_id', media.id)
        .count('* as n')
        .first()
        .then((row) => Number(row!.$extras.n)),
      6
    )
  }).timeout(120_000)
})

test.group('Media jobs | retries and crashes', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.teardown(() => app.container.restore(MediaStorage))

  test('a storage outage midway leaves nothing half-visible, and the re-run completes', async ({
    assert,
  }) => {
    const product = await productForUploads()
    const png = await smallPng('flaky.png', 700, 500)
    const media = await upload(product, png.path)
    const config = app.config.get<any>('media')
    const flaky = new FlakyStorage(config, 4)
    app.container.swap(MediaStorage, () => flaky)
    const pipeline = await app.container.make(MediaPipeline)

    await assert.rejects(() => pipeline.process(media.id), /ECONNREFUSED/)
    await media.refresh()
    assert.equal(media.status, 'processing', 'still owned by the job that will retry')
    assert.equal(
      await MediaRendition.query()
        .where('media_id', media.id)
        .count('* as n')
        .first()
        .then((row) => Number(row!.$extras.n)),
      0
    )

    app.container.restore(MediaStorage)
    const healthy = await app.container.make(MediaPipeline)
    assert.equal(await healthy.process(media.id), 'processed')
    await media.refresh()
    assert.equal(media.status, 'ready')
    assert.equal(media.attempts, 2)
    const rows = await MediaRendition.query().where('media_id', media.id)
    assert.lengthOf(rows, 9)
    assert.lengthOf(new Set(rows.map((row) => row.key)), 9)
  })

  test('a job that exhausts its retries stores the last error for the seller', async ({
    assert,
  }) => {
    const product = await productForUploads()
    const png = await smallPng('doomed.png')
    const media = await upload(product, png.path)
    const job = await app.container.make(ProcessImage)
    job.$hydrate(
      { mediaId: media.id },
      {
        jobId: 'test',
        name: 'ProcessImage',
        attempt: 5,
        queue: 'media',
        priority: 5,
        acquiredAt: new Date(),
        stalledCount: 0,
      }
    )
    await job.failed(new Error('connect ECONNREFUSED storage'))
    await media.refresh()
    assert.equal(media.status, 'failed')
    assert.equal(media.error, 'Processing failed after 5 attempts: connect ECONNREFUSED storage')
    const trail = await auditTrail('media', media.id)
    assert.deepEqual(
      trail.map((event) => event.action),
      ['media.uploaded', 'media.failed']
    )
  })

  test('an undecodable file fails for good with a readable reason, without retrying', async ({
    assert,
  }) => {
    const product = await productForUploads()
    const png = await smallPng('will-break.png', 33, 17)
    const media = await upload(product, png.path)
    // The stored original is damaged after upload (e.g. a bad disk).
    const storage = await app.container.make(MediaStorage)
    await storage.originals.put(media.originalKey, Buffer.from('not an image any more'))
    const pipeline = await app.container.make(MediaPipeline)

    assert.equal(await pipeline.process(media.id), 'failed')
    await media.refresh()
    assert.equal(media.status, 'failed')
    assert.match(media.error!, /could not be decoded/)
  })
})

test.group('Media uploads | concurrency', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('parallel uploads never exceed the per-product limit', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create())
    const manager = await app.container.make(MediaManager)
    const limit = manager.config.limits.filesPerProduct
    manager.config.limits.filesPerProduct = 2
    try {
      const files = await Promise.all(
        [0, 1, 2, 3, 4].map((n) => smallPng(`parallel-${n}.png`, 50 + n, 40))
      )
      const responses = await Promise.all(
        files.map((file) =>
          client
            .post(`/api/v1/seller/products/${product.id}/media`)
            .file('file', file.path)
            .withGuard('api')
            .loginAs(owner)
        )
      )
      const statuses = responses.map((response) => response.status()).sort()
      assert.deepEqual(statuses, [202, 202, 422, 422, 422])
      const stored = await Media.query().where('product_id', product.id)
      assert.lengthOf(stored, 2)
    } finally {
      manager.config.limits.filesPerProduct = limit
    }
  })

  test('the same file uploaded twice at once is stored once', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create())
    const png = await smallPng('twice-at-once.png', 61, 41)
    const responses = await Promise.all(
      [0, 1, 2].map(() =>
        client
          .post(`/api/v1/seller/products/${product.id}/media`)
          .file('file', png.path)
          .withGuard('api')
          .loginAs(owner)
      )
    )
    assert.deepEqual(responses.map((response) => response.status()).sort(), [202, 422, 422])
    const media = await Media.query().where('product_id', product.id)
    assert.lengthOf(media, 1)
    const storage = await app.container.make(MediaStorage)
    assert.isTrue(await storage.originals.exists(media[0].originalKey))
  })
})
