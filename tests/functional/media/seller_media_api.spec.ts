import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import sharp from 'sharp'
import Media from '#models/media'
import MediaRendition from '#models/media_rendition'
import Product from '#models/product'
import { MediaPipeline } from '#media/media_pipeline'
import { MediaStorage } from '#media/media_storage'
import { createSellerOwner } from '#database/factories/index'
import { gpsOf, photoWithGps, smallPng } from '#tests/helpers/media_fixtures'
import { auditTrail, errorsOf } from '../api/helpers.js'
import { sellerWithProduct, upload } from './helpers.js'

async function renditionKeys(mediaId: number) {
  const rows = await MediaRendition.query().where('media_id', mediaId).orderBy('key')
  return rows.map((row) => row.key)
}

async function coverOf(productId: number) {
  const product = await Product.findOrFail(productId)
  return product.coverMediaId
}

test.group('Store API | seller media', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('an upload is stored, queued on the media queue and answered 202', async ({
    client,
    assert,
  }) => {
    const fake = QueueManager.fake()
    const { owner, product } = await sellerWithProduct()
    const photo = await photoWithGps()

    const response = await client
      .post(`/api/v1/seller/products/${product.id}/media`)
      .file('file', photo.path, { filename: 'IMG_0001.HEIC.jpg' })
      .field('alt', '정면 사진')
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(202)
    const data = response.body().data
    const media = await Media.findOrFail(data.id)
    assert.include(data, { id: media.id, kind: 'image', status: 'queued', alt: '정면 사진' })
    assert.deepEqual(data.renditions, [])
    assert.equal(media.sourceFormat, 'jpeg')
    assert.equal(media.originalName, 'IMG_0001.HEIC.jpg')
    // Orientation 6: a 1200×800 sensor image is displayed 800×1200.
    assert.deepEqual([media.width, media.height], [800, 1200])
    fake.assertPushed('ProcessImage', {
      queue: 'media',
      payload: (payload: { mediaId: number }) => payload.mediaId === media.id,
    })
    fake.assertNotPushed('ProcessVideo')

    const storage = await app.container.make(MediaStorage)
    assert.isTrue(await storage.originals.exists(media.originalKey))
    assert.match(media.originalKey, /^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/)
    const trail = await auditTrail('media', media.id)
    assert.deepEqual(
      trail.map((event) => event.action),
      ['media.uploaded']
    )
  })

  test('processing makes the AVIF/WebP/JPEG ladder with no metadata, never upscaled', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const photo = await photoWithGps()
    const uploadedGps = await gpsOf(photo.data)
    assert.deepEqual(uploadedGps?.GPSLatitude, [37, 33, 59], 'the upload has GPS')

    const uploaded = await upload(client, owner, product.id, photo.path)
    const id = uploaded.body().data.id
    const pipeline = await app.container.make(MediaPipeline)
    assert.equal(await pipeline.process(id), 'processed')

    const response = await client.get(`/api/v1/seller/media/${id}`).withGuard('api').loginAs(owner)
    response.assertStatus(200)
    const data = response.body().data
    assert.equal(data.status, 'ready')
    assert.deepEqual([data.width, data.height], [800, 1200])
    // 800 wide: 320 and 640 from the ladder, then 800 itself; nothing wider.
    const widths = (format: string) =>
      data.renditions
        .filter((rendition: { format: string }) => rendition.format === format)
        .map((rendition: { width: number }) => rendition.width)
    assert.deepEqual(widths('avif'), [320, 640, 800])
    assert.deepEqual(widths('webp'), [320, 640, 800])
    assert.deepEqual(widths('jpeg'), [320, 640, 800])
    assert.match(data.placeholder, /^data:image\/webp;base64,/)

    const storage = await app.container.make(MediaStorage)
    const rows = await MediaRendition.query().where('media_id', id)
    assert.lengthOf(rows, 9)
    for (const row of rows) {
      const bytes = await storage.renditions.getBytes(row.key)
      const metadata = await sharp(bytes).metadata()
      assert.equal(metadata.format === 'heif' ? 'avif' : metadata.format, row.format)
      assert.deepEqual([metadata.width, metadata.height], [row.width, row.height])
      assert.equal(bytes.length, row.bytes)
      assert.isUndefined(metadata.exif, `${row.key} has no EXIF`)
      assert.isNull(await gpsOf(bytes))
      assert.notInclude(Buffer.from(bytes).toString('latin1'), 'JangteoTestCam')
      // Portrait after auto-orientation.
      assert.isAbove(row.height, row.width)
    }
    const stored = await Media.findOrFail(id)
    const original = await storage.originals.getBytes(stored.originalKey)
    assert.isNotNull(await gpsOf(original), 'the private original is kept as uploaded')

    // Served from the public disk, cacheable forever.
    const jpeg = data.renditions.find(
      (rendition: { format: string }) => rendition.format === 'jpeg'
    )
    const file = await client.get(new URL(jpeg.url, 'http://x').pathname)
    file.assertStatus(200)
    assert.equal(file.header('content-type'), 'image/jpeg')
  })

  test('running the job twice writes the same keys and no extra rows', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const png = await smallPng()
    const uploaded = await upload(client, owner, product.id, png.path)
    const id = uploaded.body().data.id
    const pipeline = await app.container.make(MediaPipeline)

    assert.equal(await pipeline.process(id), 'processed')
    const first = await renditionKeys(id)
    assert.equal(await pipeline.process(id), 'skipped', 'up to date: nothing to do')
    assert.equal(await pipeline.process(id, { force: true }), 'processed')
    const second = await renditionKeys(id)
    assert.deepEqual(second, first)
    // 200 px wide: a single width, no upscaling.
    assert.lengthOf(first, 3)
    const storage = await app.container.make(MediaStorage)
    for (const key of first) assert.isTrue(await storage.renditions.exists(key))
    assert.equal(await coverOf(product.id), id)
    const trail = await auditTrail('media', id)
    const actions = trail.map((event) => event.action)
    assert.deepEqual(actions, ['media.uploaded', 'media.processed', 'media.processed'])
  })

  test('a seller cannot see or touch another seller’s media', async ({ client }) => {
    const { product } = await sellerWithProduct()
    const media = await Media.create({
      productId: product.id,
      sellerId: product.sellerId,
      kind: 'image',
      status: 'queued',
      position: 0,
      isCover: false,
      contentHash: 'a'.repeat(64),
      originalKey: 'originals/aa/x.jpg',
      originalName: 'x.jpg',
      sourceFormat: 'jpeg',
      mimeType: 'image/jpeg',
      bytes: 10,
    })
    const { owner: stranger } = await createSellerOwner()
    const png = await smallPng()

    for (const request of [
      client.get(`/api/v1/seller/media/${media.id}`),
      client.patch(`/api/v1/seller/media/${media.id}`).json({ alt: 'x' }),
      client.delete(`/api/v1/seller/media/${media.id}`),
      client.post(`/api/v1/seller/media/${media.id}/retry`),
      client.get(`/api/v1/seller/products/${product.id}/media`),
      client.post(`/api/v1/seller/products/${product.id}/media`).file('file', png.path),
      client.put(`/api/v1/seller/products/${product.id}/media/order`).json({ ids: [media.id] }),
    ]) {
      const response = await request.withGuard('api').loginAs(stranger)
      response.assertStatus(404)
      response.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Not found' }] })
    }
  })

  test('without a token every media endpoint answers 401', async ({ client }) => {
    const response = await client.get('/api/v1/seller/media/1')
    response.assertStatus(401)
  })

  test('reorder, alt text, cover and delete', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const pipeline = await app.container.make(MediaPipeline)
    const ids: number[] = []
    for (const [index, color] of ['#f00', '#0f0', '#00f'].entries()) {
      const image = await sharp({
        create: { width: 100, height: 80, channels: 3, background: color },
      })
        .png()
        .toBuffer()
      const response = await upload(client, owner, product.id, image, `p${index}.png`)
      ids.push(response.body().data.id)
      await pipeline.process(response.body().data.id)
    }
    assert.equal(await coverOf(product.id), ids[0])

    const reordered = await client
      .put(`/api/v1/seller/products/${product.id}/media/order`)
      .json({ ids: [ids[2], ids[0], ids[1]] })
      .withGuard('api')
      .loginAs(owner)
    reordered.assertStatus(200)
    assert.deepEqual(
      reordered.body().data.map((media: { id: number }) => media.id),
      [ids[2], ids[0], ids[1]]
    )
    assert.equal(await coverOf(product.id), ids[2])

    const bad = await client
      .put(`/api/v1/seller/products/${product.id}/media/order`)
      .json({ ids: [ids[0], ids[0], ids[1]] })
      .withGuard('api')
      .loginAs(owner)
    bad.assertStatus(422)
    assert.deepEqual(errorsOf(bad), [{ field: 'ids', code: 'media_order' }])

    const cover = await client
      .patch(`/api/v1/seller/media/${ids[1]}`)
      .json({ isCover: true, alt: '측면' })
      .withGuard('api')
      .loginAs(owner)
    cover.assertStatus(200)
    assert.include(cover.body().data, { isCover: true, alt: '측면' })
    assert.equal(await coverOf(product.id), ids[1])

    const tooLong = await client
      .patch(`/api/v1/seller/media/${ids[1]}`)
      .json({ alt: 'x'.repeat(301) })
      .withGuard('api')
      .loginAs(owner)
    tooLong.assertStatus(422)
    const unchanged = await Media.findOrFail(ids[1])
    assert.equal(unchanged.alt, '측면')

    const storage = await app.container.make(MediaStorage)
    const removed = await Media.query().where('id', ids[1]).preload('renditions').firstOrFail()
    const deleted = await client
      .delete(`/api/v1/seller/media/${ids[1]}`)
      .withGuard('api')
      .loginAs(owner)
    deleted.assertStatus(204)
    assert.isNull(await Media.find(ids[1]))
    assert.equal(await coverOf(product.id), ids[2])
    for (const rendition of removed.renditions) {
      assert.isFalse(await storage.renditions.exists(rendition.key))
    }
    assert.isFalse(await storage.originals.exists(removed.originalKey))
  })

  test('a failed item can be retried; a ready one cannot', async ({ client, assert }) => {
    const fake = QueueManager.fake()
    const { owner, product } = await sellerWithProduct()
    const png = await smallPng()
    const uploaded = await upload(client, owner, product.id, png.path)
    const id = uploaded.body().data.id
    const pipeline = await app.container.make(MediaPipeline)
    await pipeline.fail(id, 'Storage was unreachable.')
    const failed = await client.get(`/api/v1/seller/media/${id}`).withGuard('api').loginAs(owner)
    assert.include(failed.body().data, { status: 'failed', error: 'Storage was unreachable.' })

    const retried = await client
      .post(`/api/v1/seller/media/${id}/retry`)
      .withGuard('api')
      .loginAs(owner)
    retried.assertStatus(202)
    assert.equal(retried.body().data.status, 'queued')
    fake.assertPushedCount(2, { queue: 'media' } as any)

    await pipeline.process(id)
    const again = await client
      .post(`/api/v1/seller/media/${id}/retry`)
      .withGuard('api')
      .loginAs(owner)
    again.assertStatus(422)
    assert.deepEqual(errorsOf(again), [{ field: 'status', code: 'media_not_failed' }])
  })
})
