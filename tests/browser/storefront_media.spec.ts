import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { attachProcessedMedia, photoWithGps, smallPng } from '#tests/helpers/media_fixtures'
import { emptyDatabase } from '#tests/helpers/browser'

/** The few HTMLImageElement members read in the page (the project compiles without DOM types). */
interface Img {
  decode(): Promise<void>
  currentSrc: string
  naturalWidth: number
  naturalHeight: number
}

test.group('Storefront | photos in Chromium', (group) => {
  group.each.setup(() => emptyDatabase())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the product page serves AVIF to Chromium, sized before it loads', async ({
    visit,
    assert,
  }) => {
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.Published,
      title: '세라믹 머그',
    })
    const photo = await photoWithGps('storefront-avif.jpg', 1600, 1200)
    await attachProcessedMedia(product, photo.path, '세라믹 머그 정면')
    const second = await smallPng('storefront-second.png', 900, 900)
    await attachProcessedMedia(product, second.path)

    const page = await visit(`/products/${product.slug}`)
    const images: { url: string; type: string | null }[] = []
    page.on('response', async (response) => {
      if (response.url().includes('/media/')) {
        images.push({ url: response.url(), type: response.headers()['content-type'] ?? null })
      }
    })
    const main = page.locator('[data-test="gallery"] img[data-test="picture"]').first()
    // Width and height are in the markup, so the box is reserved before any byte arrives.
    assert.equal(await main.getAttribute('width'), '1200')
    assert.equal(await main.getAttribute('height'), '1600')
    assert.equal(await main.getAttribute('loading'), 'eager')
    // What the browser picked among the <source>s, once decoded.
    await main.evaluate((img: Img) => img.decode())
    const chosen = await main.evaluate((img: Img) => img.currentSrc)
    assert.match(chosen, /\/image-\d+\.avif$/)
    const [width, height] = await main.evaluate((img: Img) => [img.naturalWidth, img.naturalHeight])
    assert.isAbove(width, 0)
    assert.closeTo(height / width, 1600 / 1200, 0.01, 'auto-oriented portrait')

    const fetched = await page.request.get(chosen)
    assert.equal(fetched.headers()['content-type'], 'image/avif')
    assert.match(fetched.headers()['cache-control'] ?? '', /immutable/)
    assert.notProperty(fetched.headers(), 'set-cookie')
    assert.isTrue(
      images.every((image) => image.type !== null),
      'every media response has a content type'
    )
  })
})
