import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Media from '#models/media'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import {
  attachProcessedMedia,
  photoWithGps,
  smallPng,
  testVideo,
} from '#tests/helpers/media_fixtures'

async function publishedProduct(title = '린넨 셔츠') {
  const { seller } = await createSellerOwner()
  const category = await CategoryFactory.create()
  return createProduct(seller, category, { status: ProductStatus.Published, title })
}

test.group('Storefront | product photos and videos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the product page serves a responsive picture and a lazy video', async ({
    client,
    assert,
  }) => {
    const product = await publishedProduct()
    const photo = await photoWithGps('front.jpg')
    await attachProcessedMedia(product, photo.path, '정면')
    const png = await smallPng('side.png', 700, 500)
    await attachProcessedMedia(product, png.path)
    const video = await testVideo('demo.mp4', { seconds: 2 })
    await attachProcessedMedia(product, video.path, '착용 영상')

    const response = await client.get(`/products/${product.slug}`)
    response.assertStatus(200)
    const html = response.text()
    const pictures: string[] = html.match(/<picture>[\s\S]*?<\/picture>/g) ?? []
    // Two photos in the gallery (the video plays in <video>), three thumbnails (one a poster).
    assert.lengthOf(pictures, 5)
    const first = pictures[0]
    assert.match(first, /<source type="image\/avif" srcset="[^"]+ 320w, [^"]+ 640w, [^"]+ 800w"/)
    assert.match(first, /<source type="image\/webp" srcset="/)
    assert.match(first, /<img[^>]+srcset="[^"]+\.jpg 320w/)
    assert.match(first, /width="800"\s+height="1200"/)
    assert.match(first, /loading="eager"/)
    assert.match(first, /alt="정면"/)
    assert.match(pictures[1], /loading="lazy"/)
    assert.match(pictures[1], /alt="린넨 셔츠"/, 'alt falls back to the product title')
    assert.match(html, /class="media-placeholder"\s+src="data:image\/webp;base64,/)

    const videoTag = html.match(/<video[\s\S]*?<\/video>/)![0]
    assert.match(videoTag, /preload="none"/)
    assert.match(videoTag, /poster="\/media\/[^"]+\/poster-\d+\.jpg"/)
    assert.match(videoTag, /<source src="\/media\/[^"]+\/video-\d+\.mp4" type="video\/mp4"/)
    assert.match(html, /0:02/)

    // Every URL on the page is served.
    for (const url of new Set(html.match(/\/media\/[^"\s,]+/g))) {
      const file = await client.get(url)
      file.assertStatus(200)
    }
  })

  test('listings show the cover photo; unprocessed media is never shown', async ({
    client,
    assert,
  }) => {
    const product = await publishedProduct('캔버스 토트백')
    const png = await smallPng('bag.png', 400, 400)
    const media = await attachProcessedMedia(product, png.path)
    const pending = await smallPng('pending.png', 300, 300)
    await Media.create({
      productId: product.id,
      sellerId: product.sellerId,
      kind: 'image',
      status: 'processing',
      position: 5,
      isCover: true,
      contentHash: 'b'.repeat(64),
      originalKey: 'originals/bb/pending.png',
      originalName: pending.path,
      sourceFormat: 'png',
      mimeType: 'image/png',
      bytes: 100,
    })

    const search = await client.get('/search').qs({ q: '토트백' })
    search.assertStatus(200)
    const card = search.text().match(/<article class="product-card"[\s\S]*?<\/article>/)![0]
    assert.include(card, '<picture>')
    assert.include(card, `/${media.contentHash}/`)

    const api = await client.get(`/api/v1/products/${product.slug}`)
    api.assertStatus(200)
    const data = api.body().data
    assert.deepEqual(
      data.media.map((item: { id: number }) => item.id),
      [media.id],
      'only ready media'
    )
    assert.notProperty(data.media[0], 'status')
    assert.isNotEmpty(data.media[0].renditions)

    const list = await client.get('/api/v1/products').qs({ q: '토트백' })
    assert.equal(list.body().data[0].cover.id, media.id)
  })

  test('rendition files: immutable caching, ranges for video seeking, nothing else served', async ({
    client,
    assert,
  }) => {
    const product = await publishedProduct('영상 상품')
    const video = await testVideo('ranges.mp4', { seconds: 1 })
    const media = await attachProcessedMedia(product, video.path)
    await media.load('renditions')
    const mp4 = media.renditions.find((rendition) => rendition.role === 'video')!
    const url = `/media/${mp4.key}`

    const whole = await client.get(url)
    whole.assertStatus(200)
    assert.equal(whole.header('content-type'), 'video/mp4')
    assert.equal(whole.header('cache-control'), 'public, max-age=31536000, immutable')
    assert.equal(whole.header('accept-ranges'), 'bytes')
    assert.isUndefined(whole.header('set-cookie'), 'no session cookie on media')
    assert.equal(Number(whole.header('content-length')), mp4.bytes)

    const part = await client.get(url).header('Range', 'bytes=100-199')
    part.assertStatus(206)
    assert.equal(part.header('content-range'), `bytes 100-199/${mp4.bytes}`)
    assert.equal(part.header('content-length'), '100')

    const tail = await client.get(url).header('Range', 'bytes=-10')
    tail.assertStatus(206)
    assert.equal(
      tail.header('content-range'),
      `bytes ${mp4.bytes - 10}-${mp4.bytes - 1}/${mp4.bytes}`
    )

    const beyond = await client.get(url).header('Range', `bytes=${mp4.bytes + 5}-`)
    beyond.assertStatus(416)
    assert.equal(beyond.header('content-range'), `bytes */${mp4.bytes}`)

    const cached = await client.get(url).header('If-None-Match', whole.header('etag')!)
    cached.assertStatus(304)

    for (const path of [
      `/media/${media.originalKey}`,
      `/media/../private/${media.originalKey}`,
      `/media/media/00/${'0'.repeat(64)}/${'0'.repeat(12)}/image-320.avif`,
    ]) {
      const response = await client.get(path)
      response.assertStatus(404)
    }
  })
})
