import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import Order from '#models/order'
import AuditEvent from '#models/audit_event'
import { createListing, koreanAddress, stockOf } from '#tests/helpers/commerce'

/** A guest cart holding `quantity` of each variant, built through the API. */
async function cartOf(client: ApiClient, variantIds: number[], quantity = 1) {
  const created = await client.post('/api/v1/carts')
  const id = created.body().data.id as string
  for (const variantId of variantIds) {
    const added = await client.post(`/api/v1/carts/${id}/items`).json({ variantId, quantity })
    added.assertStatus(201)
  }
  return id
}

function checkout(client: ApiClient, cartId: string, n: number) {
  return client.post('/api/v1/checkout').json({
    cartId,
    email: `racer${n}@example.com`,
    shippingAddress: koreanAddress(),
    paymentMethod: 'bank_transfer',
  })
}

/*
 * These tests commit for real and fire the checkouts in parallel, so they
 * truncate the tables instead of rolling back a transaction.
 */
test.group('Concurrency | checkout never oversells', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('stock 5 and 50 simultaneous checkouts give exactly 5 orders and stock zero', async ({
    client,
    assert,
  }) => {
    const stock = 5
    const { variant } = await createListing({ stock })
    const carts = []
    for (let n = 0; n < stock * 10; n++) carts.push(await cartOf(client, [variant.id]))

    const responses = await Promise.all(carts.map((cartId, n) => checkout(client, cartId, n)))

    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 201).length, stock)
    assert.equal(statuses.filter((status) => status === 409).length, stock * 9)
    for (const response of responses.filter((candidate) => candidate.status() === 409)) {
      const [error] = response.body().errors
      assert.equal(error.code, 'E_OUT_OF_STOCK')
      assert.equal(error.variantId, variant.id)
    }
    assert.equal(await stockOf(variant.id), 0)
    assert.lengthOf(await Order.all(), stock)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.placed'), stock)
  })

  test('multi-line checkouts racing for two variants never take either below zero', async ({
    client,
    assert,
  }) => {
    const first = await createListing({ stock: 4 })
    const second = await createListing({ stock: 6 })
    const carts = []
    // Every cart wants both, in opposite orders for half of them: no deadlock, no oversell.
    for (let n = 0; n < 30; n++) {
      const ids =
        n % 2 ? [first.variant.id, second.variant.id] : [second.variant.id, first.variant.id]
      carts.push(await cartOf(client, ids, 2))
    }

    const responses = await Promise.all(carts.map((cartId, n) => checkout(client, cartId, n)))

    const placed = responses.filter((response) => response.status() === 201).length
    assert.equal(placed, 2, 'each order takes 2 of each; the 4 of the first variant allow two')
    assert.equal(await stockOf(first.variant.id), 0)
    assert.equal(await stockOf(second.variant.id), 2)
    assert.isTrue(responses.every((response) => [201, 409].includes(response.status())))
  })

  test('the same cart checked out five times at once becomes one order', async ({
    client,
    assert,
  }) => {
    const { variant } = await createListing({ stock: 10 })
    const cartId = await cartOf(client, [variant.id], 3)

    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, n) => checkout(client, cartId, n))
    )

    assert.equal(responses.filter((response) => response.status() === 201).length, 1)
    for (const response of responses.filter((candidate) => candidate.status() !== 201)) {
      assert.include([409, 422], response.status())
    }
    assert.equal(await stockOf(variant.id), 7)
    assert.lengthOf(await Order.all(), 1)
  })
})
