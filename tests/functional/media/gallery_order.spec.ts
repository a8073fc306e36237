import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Media from '#models/media'
import { smallPng } from '#tests/helpers/media_fixtures'
import { sellerWithProduct, upload } from './helpers.js'

/** A small PNG of its own (the width keeps its content, and hash, unique). */
async function png(name: string, width: number) {
  const { path } = await smallPng(name, width, 40)
  return path
}

/** The product's media as stored: ids and positions, in gallery order. */
async function galleryOf(productId: number) {
  const rows = await Media.query().where('product_id', productId).orderBy('position').orderBy('id')
  return rows.map((media) => ({ id: media.id, position: media.position }))
}

test.group('Media | gallery order', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('each upload goes last in the gallery', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const ids: number[] = []
    for (const n of [0, 1, 2]) {
      const response = await upload(client, owner, product.id, await png(`order-${n}.png`, 60 + n))
      response.assertStatus(202)
      assert.equal(response.body().data.position, n)
      ids.push(response.body().data.id)
    }
    assert.deepEqual(await galleryOf(product.id), [
      { id: ids[0], position: 0 },
      { id: ids[1], position: 1 },
      { id: ids[2], position: 2 },
    ])
  })

  test('an upload after the seller reordered the gallery still goes last', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const first = await upload(client, owner, product.id, await png('a.png', 70))
    const second = await upload(client, owner, product.id, await png('b.png', 71))
    const [a, b] = [first.body().data.id, second.body().data.id]
    const reordered = await client
      .put(`/api/v1/seller/products/${product.id}/media/order`)
      .json({ ids: [b, a] })
      .withGuard('api')
      .loginAs(owner)
    reordered.assertStatus(200)

    const third = await upload(client, owner, product.id, await png('c.png', 72))
    const c = third.body().data.id
    const gallery = await client
      .get(`/api/v1/seller/products/${product.id}/media`)
      .withGuard('api')
      .loginAs(owner)
    assert.deepEqual(
      gallery.body().data.map((media: { id: number }) => media.id),
      [b, a, c]
    )
  })
})

/*
 * Parallel uploads commit for real (each request is its own transaction), so
 * this group truncates instead of wrapping tests in a global transaction.
 */
test.group('Media | gallery order under concurrency', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('parallel uploads get distinct positions after the existing items', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const existing = await upload(client, owner, product.id, await png('x.png', 80))
    existing.assertStatus(202)

    const files = await Promise.all([0, 1, 2, 3].map((n) => png(`race-${n}.png`, 90 + n)))
    const responses = await Promise.all(
      files.map((path) => upload(client, owner, product.id, path))
    )
    for (const response of responses) response.assertStatus(202)

    const gallery = await galleryOf(product.id)
    assert.deepEqual(
      gallery.map((media) => media.position),
      [0, 1, 2, 3, 4]
    )
    assert.equal(gallery[0].id, existing.body().data.id)
  })
})
