import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import type { Page } from 'playwright'
import Media from '#models/media'
import type Product from '#models/product'
import MediaService from '#services/media_service'
import { MediaPipeline } from '#media/media_pipeline'
import { MediaStatus } from '#media/media_status'
import { SYSTEM_ACTOR } from '#audit/actor'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import {
  attachProcessedMedia,
  fileWith,
  photoWithGps,
  smallPng,
  testVideo,
} from '#tests/helpers/media_fixtures'
import { emptyDatabase } from '#tests/helpers/browser'
import { workUntil } from '#tests/helpers/queue'

const ITEM = '[data-test="media-item"]'

async function sellerWithProduct() {
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, await CategoryFactory.create(), {
    title: '린넨 셔츠',
  })
  return { owner, product }
}

/** A ready photo in the product's gallery. */
async function processed(product: Product, fixture: Promise<{ path: string }>) {
  const { path } = await fixture
  return attachProcessedMedia(product, path)
}

/** Waits, at most a few seconds, for what no selector can express; the caller asserts. */
async function waitUntil(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!check() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Watches the page from now on: how often it loads (never again, for a page
 * that updates itself) and what goes wrong in it (script errors, and CSP
 * violations, which the browser reports as console errors).
 */
function watch(page: Page) {
  const seen = { reloads: 0, errors: [] as string[] }
  page.on('load', () => seen.reloads++)
  page.on('pageerror', (error) => seen.errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text())
  })
  return seen
}

test.group('Seller center | photos and videos in the browser', (group) => {
  group.each.setup(emptyDatabase)

  test('a seller uploads a photo and a video and watches both become ready without reloading', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const photo = await photoWithGps()
    const video = await testVideo('clip.mp4', { seconds: 2 })
    await browserContext.loginAs(owner)
    const page = await visit(`/seller/products/${product.id}/edit`)
    const seen = watch(page)
    const polls: string[] = []
    const images = new Map<string, number>()
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().endsWith(`/products/${product.id}/media`)) {
        polls.push(request.url())
      }
    })
    page.on('response', (response) => {
      if (response.request().resourceType() === 'image') {
        images.set(response.url(), response.status())
      }
    })

    await page.locator('#media-file[multiple]').setInputFiles([photo.path, video.path])

    await page.assertElementsCount('[data-test="upload"]', 2)
    await page.assertElementsCount('[data-test="upload"][data-state="done"]', 2)
    await page.assertElementsCount('[data-test="upload"] progress[value="100"]', 2)
    await page.assertElementsCount(ITEM, 2)
    await page.assertElementsText(`${ITEM} [data-test="media-status"]`, ['대기 중', '대기 중'])
    await page.assertElementsText(`${ITEM} [data-media-name]`, ['photo.jpg', 'clip.mp4'])

    // No worker runs in the test server: this one works while the page polls.
    const bothReady = async () => {
      const ready = await Media.query().where('status', MediaStatus.Ready)
      return ready.length === 2
    }
    await Promise.all([
      workUntil(bothReady, { queues: ['media'] }),
      page.locator(`${ITEM}[data-status="ready"]`).nth(1).waitFor({ timeout: 60_000 }),
    ])

    await page.assertElementsText(`${ITEM} [data-test="media-status"]`, ['완료', '완료'])
    const thumbnails = page.locator(`${ITEM} img[data-test="media-thumbnail"]`)
    await page.assertElementsCount(thumbnails, 2)
    const shown = await thumbnails.all()
    const sources = await Promise.all(shown.map((thumbnail) => thumbnail.getAttribute('src')))
    const loaded = () => sources.map((src) => images.get(new URL(src!, page.url()).href))
    await waitUntil(() => loaded().every((status) => status !== undefined))
    assert.deepEqual(loaded(), [200, 200])
    await page.assertText(`${ITEM}[data-kind="video"] [data-test="media-duration"]`, '0:02')
    await page.assertNotVisible(`${ITEM}[data-kind="image"] [data-test="media-duration"]`)
    assert.deepEqual(seen, { reloads: 0, errors: [] })

    // Nothing is pending any more, so the page stops asking.
    const asked = polls.length
    await page.waitForTimeout(4500)
    assert.equal(polls.length, asked)
  })

  test('a file the server refuses shows the reason next to it and joins no gallery', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const photo = await smallPng()
    const fake = await fileWith('fake.jpg', '<html></html>')
    await browserContext.loginAs(owner)
    const page = await visit(`/seller/products/${product.id}/edit`)
    const seen = watch(page)

    await page.locator('#media-file[multiple]').setInputFiles([fake.path, photo.path])

    const refused = page.locator('[data-test="upload"]').first()
    await page.assertTextContains(refused, 'fake.jpg')
    await page.assertTextContains(refused, '지원하지 않는 파일 형식입니다')
    await page.assertElementsCount('[data-test="upload"][data-state="failed"]', 1)
    await page.assertElementsCount('[data-test="upload"][data-state="done"]', 1)
    await page.assertElementsText(`${ITEM} [data-media-name]`, ['small.png'])
    assert.lengthOf(await Media.query().where('product_id', product.id), 1)
    // The browser reports the 422 itself as a console error; nothing else went wrong.
    assert.deepEqual(seen, {
      reloads: 0,
      errors: [
        'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
      ],
    })
  })

  test('a failed item shows why, and Retry queues it again', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const png = await smallPng()
    const service = await app.container.make(MediaService)
    const media = await service.upload(
      product,
      { path: png.path, size: png.data.length, clientName: 'label.png' },
      SYSTEM_ACTOR
    )
    await browserContext.loginAs(owner)
    const page = await visit(`/seller/products/${product.id}/edit`)
    const seen = watch(page)
    await page.assertText(`${ITEM} [data-test="media-status"]`, '대기 중')
    await page.assertNotVisible(page.getByRole('button', { name: '다시 시도' }))

    const pipeline = await app.container.make(MediaPipeline)
    await pipeline.fail(media.id, '파일이 손상되어 열 수 없습니다.')

    await page.assertText(`${ITEM} [data-test="media-status"]`, '실패')
    await page.assertText(`${ITEM} [data-test="media-error"]`, '파일이 손상되어 열 수 없습니다.')
    await page.getByRole('button', { name: '다시 시도' }).click()
    await page.assertText(`${ITEM} [data-test="media-status"]`, '대기 중')
    await page.assertNotVisible(`${ITEM} [data-test="media-error"]`)
    await media.refresh()
    assert.equal(media.status, MediaStatus.Queued)
    assert.deepEqual(seen, { reloads: 0, errors: [] })
  })

  test('the move buttons reorder the gallery from the keyboard and the order is saved', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const first = await processed(product, photoWithGps('front.jpg'))
    const second = await processed(product, smallPng('back.png'))
    const third = await processed(product, photoWithGps('side.jpg', 900))
    await browserContext.loginAs(owner)
    const page = await visit(`/seller/products/${product.id}/edit`)
    await page.locator('.media-manager.is-enhanced').waitFor()
    const saved = () =>
      page.waitForResponse(
        (response) => response.url().endsWith('/media/order') && response.status() === 204
      )

    const earlier = page.locator(ITEM).nth(2).getByRole('button', { name: '앞으로' })
    await earlier.focus()
    await Promise.all([saved(), page.keyboard.press('Enter')])
    await Promise.all([saved(), page.keyboard.press('Enter')])

    await page.assertElementsText(`${ITEM} [data-media-name]`, [
      'side.jpg',
      'front.jpg',
      'back.png',
    ])
    await page.assertDisabled(page.locator(ITEM).first().getByRole('button', { name: '앞으로' }))
    const positions = await Media.query().where('product_id', product.id).orderBy('position')
    assert.deepEqual(
      positions.map((media) => media.id),
      [third.id, first.id, second.id]
    )
  })

  test('alt text and the cover are saved without leaving the page', async ({
    browserContext,
    visit,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const first = await processed(product, photoWithGps('front.jpg'))
    const second = await processed(product, smallPng('back.png'))
    await browserContext.loginAs(owner)
    const page = await visit(`/seller/products/${product.id}/edit`)
    await page.locator('.media-manager.is-enhanced').waitFor()
    const seen = watch(page)

    const item = page.locator(ITEM).nth(1)
    await item.getByLabel('대체 텍스트').fill('뒷면 라벨')
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PUT' && response.ok()),
      item.getByRole('button', { name: '저장' }).click(),
    ])
    await page.assertExists(`${ITEM} img[alt="뒷면 라벨"]`)
    await page.locator(ITEM).nth(1).getByRole('button', { name: '대표 사진으로' }).click()
    await page.assertVisible(page.locator(ITEM).nth(1).locator('[data-media-cover]'))
    await page.assertNotVisible(page.locator(ITEM).first().locator('[data-media-cover]'))

    await Promise.all([first.refresh(), second.refresh()])
    assert.equal(second.alt, '뒷면 라벨')
    assert.isTrue(second.isCover)
    assert.isFalse(first.isCover)
    assert.deepEqual(seen, { reloads: 0, errors: [] })
  })
})
