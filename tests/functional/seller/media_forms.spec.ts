import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Media from '#models/media'
import { MediaPipeline } from '#media/media_pipeline'
import { MediaStatus } from '#media/media_status'
import { fileWith, photoWithGps, smallPng } from '#tests/helpers/media_fixtures'
import { encodeForm } from '#tests/helpers/forms'
import { editPage, galleryOf, sellerWithProduct, twoPhotos } from './media_helpers.js'

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
