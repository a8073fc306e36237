import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Media from '#models/media'
import { fileWith, photoWithGps } from '#tests/helpers/media_fixtures'
import { asJson, galleryOf, sellerWithProduct, twoPhotos } from './media_helpers.js'

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
