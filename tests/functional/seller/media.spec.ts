import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiRequest } from '@japa/api-client'
import Media from '#models/media'
import type Product from '#models/product'
import type User from '#models/user'
import MediaService from '#services/media_service'
import { MediaPipeline } from '#media/media_pipeline'
import { MediaStatus } from '#media/media_status'
import { SYSTEM_ACTOR } from '#audit/actor'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { fileWith, photoWithGps, smallPng } from '#tests/helpers/media_fixtures'
import { encodeForm } from '#tests/helpers/forms'

async function sellerWithProduct() {
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, await CategoryFactory.create())
  return { owner, seller, product }
}

/** A photo in the product's gallery, queued as an upload leaves it (no worker runs). */
async function uploaded(product: Product, file: { path: string; data: Buffer }) {
  const service = await app.container.make(MediaService)
  return service.upload(
    product,
    { path: file.path, size: file.data.length, clientName: 'photo.jpg' },
    SYSTEM_ACTOR
  )
}

/** Two distinct photos in the gallery, in upload order. */
async function twoPhotos(product: Product) {
  const first = await uploaded(product, await photoWithGps('first.jpg'))
  const second = await uploaded(product, await smallPng('second.png'))
  return [first, second]
}

/** A request as media_manager.js sends it: JSON wanted, session and CSRF token. */
function asJson(request: ApiRequest, owner: User) {
  return request.header('accept', 'application/json').loginAs(owner).withCsrfToken()
}

/** The ids of a product's media, in gallery order. */
async function galleryOf(product: Product) {
  const media = await Media.query().where('product_id', product.id).orderBy('position')
  return media.map((item) => item.id)
}

function editPage(product: Product) {
  return `/seller/products/${product.id}/edit`
}

test.group('Seller center | media forms without JavaScript', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('an upload from the form is queued and the seller is sent back with a message', async ({
    client,
    assert,
  }) => {
    const fake = QueueManager.fake()
    const { owner, product } = await sellerWithProduct()
    const photo = await photoWithGps()

    const response = await client
      .post(`/seller/products/${product.id}/media`)
      .file('file', photo.path)
      .field('alt', '정면 사진')
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', editPage(product))
    response.assertFlashMessage('success', '파일을 올렸습니다. 처리 중입니다.')
    const media = await Media.findByOrFail('product_id', product.id)
    assert.deepEqual(
      [media.kind, media.status, media.alt],
      ['image', MediaStatus.Queued, '정면 사진']
    )
    fake.assertPushed('ProcessImage', { queue: 'media' })
  })

  test('a file that is not a photo or video is refused with the reason and writes nothing', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const fake = await fileWith('fake.jpg', '<html></html>')

    const response = await client
      .post(`/seller/products/${product.id}/media`)
      .file('file', fake.path)
      .header('referer', editPage(product))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', editPage(product))
    const errors = response.flashMessage('inputErrorsBag') as { file: string[] }
    const [reason] = errors.file
    assert.include(reason, '지원하지 않는 파일 형식입니다')
    assert.lengthOf(await Media.all(), 0)

    const page = await client
      .get(editPage(product))
      .withFlashMessages({ inputErrorsBag: { file: [reason] } })
      .loginAs(owner)
    page.assertStatus(200)
    assert.include(page.text(), reason)
  })

  test('the product page lists the gallery with a form for each action', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const [first, second] = await twoPhotos(product)

    const page = await client.get(editPage(product)).loginAs(owner)

    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'id="media"')
    assert.include(html, `action="/seller/products/${product.id}/media"`)
    assert.include(html, `data-id="${first.id}"`)
    assert.include(html, `data-id="${second.id}"`)
    assert.include(html, `/seller/products/${product.id}/media/${first.id}?_method=DELETE`)
    assert.include(html, `/seller/products/${product.id}/media/${second.id}?_method=PUT`)
  })

  test("another seller's product or media is a 404 on every route, and nothing changes", async ({
    client,
    assert,
  }) => {
    const { owner, product: own } = await sellerWithProduct()
    const { product: theirs } = await sellerWithProduct()
    const [media] = await twoPhotos(theirs)
    const photo = await smallPng('mine.png')
    const routes = [
      [theirs.id, media.id],
      [own.id, media.id],
    ]

    const responses = [
      await client.get(`/seller/products/${theirs.id}/media`).loginAs(owner),
      await client
        .post(`/seller/products/${theirs.id}/media`)
        .file('file', photo.path)
        .loginAs(owner)
        .withCsrfToken(),
      await client
        .put(`/seller/products/${theirs.id}/media/order`)
        .form({ 'ids[]': String(media.id) })
        .loginAs(owner)
        .withCsrfToken(),
    ]
    for (const [productId, mediaId] of routes) {
      const url = `/seller/products/${productId}/media/${mediaId}`
      responses.push(
        await client.put(url).form({ alt: 'mine' }).loginAs(owner).withCsrfToken(),
        await client.post(`${url}/retry`).loginAs(owner).withCsrfToken(),
        await client.delete(url).loginAs(owner).withCsrfToken()
      )
    }

    for (const response of responses) response.assertStatus(404)
    await media.refresh()
    assert.isNull(media.alt)
    assert.lengthOf(await Media.query().where('product_id', own.id), 0)
  })

  test('the alt text and the cover are saved from the item forms', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const [first, second] = await twoPhotos(product)
    await first.merge({ isCover: true }).save()
    const url = `/seller/products/${product.id}/media/${second.id}?_method=PUT`

    const alt = await client
      .post(url)
      .form({ alt: '뒷면' })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    const cover = await client
      .post(url)
      .form({ isCover: 'true' })
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    for (const response of [alt, cover]) {
      response.assertStatus(302)
      response.assertHeader('location', editPage(product))
      response.assertFlashMessage('success', '사진 정보를 저장했습니다.')
    }
    await Promise.all([first.refresh(), second.refresh()])
    assert.equal(second.alt, '뒷면')
    assert.isTrue(second.isCover)
    assert.isFalse(first.isCover)
  })

  test('a move form saves the new gallery order', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const [first, second] = await twoPhotos(product)

    const response = await client
      .post(`/seller/products/${product.id}/media/order?_method=PUT`)
      .unsafeForm(encodeForm({ ids: [second.id, first.id] }))
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('success', '갤러리 순서를 저장했습니다.')
    assert.deepEqual(await galleryOf(product), [second.id, first.id])
  })

  test('retry sends a failed item back to the queue and refuses any other', async ({
    client,
    assert,
  }) => {
    const fake = QueueManager.fake()
    const { owner, product } = await sellerWithProduct()
    const [failed, queued] = await twoPhotos(product)
    const pipeline = await app.container.make(MediaPipeline)
    await pipeline.fail(failed.id, '파일이 손상되었습니다')
    fake.clearPushedJobs()
    const retry = (media: Media) =>
      client
        .post(`/seller/products/${product.id}/media/${media.id}/retry`)
        .header('referer', editPage(product))
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)

    const accepted = await retry(failed)
    const refused = await retry(queued)

    accepted.assertStatus(302)
    accepted.assertFlashMessage('success', '처리를 다시 시작했습니다.')
    await failed.refresh()
    assert.equal(failed.status, MediaStatus.Queued)
    assert.isNull(failed.error)
    fake.assertPushedCount(1, { queue: 'media' })
    refused.assertStatus(302)
    assert.property(refused.flashMessage('inputErrorsBag'), 'status')
  })

  test('the delete form removes the item', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const [first, second] = await twoPhotos(product)

    const response = await client
      .post(`/seller/products/${product.id}/media/${first.id}?_method=DELETE`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('success', '파일을 삭제했습니다.')
    assert.deepEqual(await galleryOf(product), [second.id])
  })
})

test.group('Seller center | media requests from the page script', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('an upload answers 202 with the queued item', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const photo = await photoWithGps()

    const response = await asJson(
      client.post(`/seller/products/${product.id}/media`).file('file', photo.path),
      owner
    )

    response.assertStatus(202)
    const media = await Media.findByOrFail('product_id', product.id)
    assert.include(response.body().data, { id: media.id, status: 'queued', kind: 'image' })
  })

  test('a refused upload answers 422 with the reason', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const fake = await fileWith('fake.jpg', '<html></html>')

    const response = await asJson(
      client.post(`/seller/products/${product.id}/media`).file('file', fake.path),
      owner
    )

    response.assertStatus(422)
    const [error] = response.body().errors
    assert.include(error, { field: 'file', rule: 'unsupported_type' })
    assert.include(error.message, '지원하지 않는 파일 형식입니다')
    assert.lengthOf(await Media.all(), 0)
  })

  test('the gallery, the order, an update and a delete answer JSON or 204', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const [first, second] = await twoPhotos(product)
    const base = `/seller/products/${product.id}/media`

    const gallery = await asJson(client.get(base), owner)
    const order = await asJson(
      client.put(`${base}/order`).json({ ids: [second.id, first.id] }),
      owner
    )
    const update = await asJson(client.put(`${base}/${first.id}`).json({ alt: '옆면' }), owner)
    const removal = await asJson(client.delete(`${base}/${second.id}`), owner)

    gallery.assertStatus(200)
    assert.deepEqual(
      gallery.body().data.map((item: { id: number; status: string }) => [item.id, item.status]),
      [
        [first.id, 'queued'],
        [second.id, 'queued'],
      ]
    )
    order.assertStatus(204)
    update.assertStatus(200)
    assert.include(update.body().data, { id: first.id, alt: '옆면', position: 1 })
    removal.assertStatus(204)
    assert.deepEqual(await galleryOf(product), [first.id])
  })
})
