import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import CartItem from '#models/cart_item'
import AuditEvent from '#models/audit_event'
import { createListing, koreanAddress, setPolicy, stockOf } from '#tests/helpers/commerce'
import { QueueManager } from '@adonisjs/queue'

async function cartWith(client: any, lines: { variantId: number; quantity: number }[]) {
  const created = await client.post('/api/v1/carts')
  const id = created.body().data.id
  for (const line of lines) {
    const added = await client.post(`/api/v1/carts/${id}/items`).json(line)
    added.assertStatus(201)
  }
  return id as string
}

test.group('Store API | checkout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a guest buys from two sellers with a Jeju address and pays two fees with the surcharge', async ({
    client,
    assert,
  }) => {
    const first = await createListing({ price: 12_000, stock: 5 })
    const second = await createListing({ price: 30_000, stock: 5 })
    await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
    await setPolicy(second.seller, 'domestic', 'flat', { amount: 2500 })
    const cartId = await cartWith(client, [
      { variantId: first.variant.id, quantity: 2 },
      { variantId: second.variant.id, quantity: 1 },
    ])

    const quoted = await client.get(`/api/v1/carts/${cartId}?country=KR&postalCode=63100`)
    quoted.assertStatus(200)
    const sellers = quoted.body().data.sellers
    assert.lengthOf(sellers, 2)
    assert.deepEqual(
      sellers.map((seller: any) => seller.shipping.amount),
      [3000 + 3000, 2500 + 3000]
    )

    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'guest@example.com',
      shippingAddress: koreanAddress('63100'),
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(201)
    const data = response.body().data
    assert.equal(data.status, 'pending_payment')
    assert.deepEqual(data.totals, {
      subtotal: 54_000,
      shipping: 11_500,
      grandTotal: 65_500,
      currency: 'KRW',
    })
    assert.equal(data.payment.nextAction.type, 'bank_transfer')
    assert.equal(data.payment.nextAction.amount, 65_500)
    assert.equal(await stockOf(first.variant.id), 3)
    assert.equal(await stockOf(second.variant.id), 4)
    assert.lengthOf(await CartItem.query().where('cartId', cartId), 0)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.placed'), 1)
    // The confirmation mail is queued; the worker builds and sends it.
    const placed = await Order.findByOrFail('number', data.orderNumber)
    QueueManager.fake().assertPushed('SendOrderMail', {
      payload: { kind: 'placed', id: placed.id },
    })

    const order = await client
      .get(`/api/v1/orders/${data.orderNumber}`)
      .header('X-Order-Key', data.accessKey)
    order.assertStatus(200)
    assert.lengthOf(order.body().data.sellers, 2)
    const stranger = await client.get(`/api/v1/orders/${data.orderNumber}`)
    stranger.assertStatus(404)
  })

  test('ignores prices and totals sent by the client', async ({ client, assert }) => {
    const { variant } = await createListing({ price: 10_000, stock: 3 })
    const cartId = await cartWith(client, [{ variantId: variant.id, quantity: 1 }])
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'tamper@example.com',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bank_transfer',
      totals: { grandTotal: 1 },
      items: [{ variantId: variant.id, unitPrice: 1, quantity: 1 }],
      shipping: 0,
    })
    response.assertStatus(201)
    const order = await Order.findByOrFail('number', response.body().data.orderNumber)
    assert.equal(order.subtotal, 10_000)
    const [item] = await OrderItem.query().where('orderId', order.id)
    assert.equal(item.unitPrice, 10_000)
  })

  test('refuses an empty cart and writes nothing', async ({ client, assert }) => {
    const cartId = await cartWith(client, [])
    const response = await client.post('/api/v1/checkout').json({
      cartId,
      email: 'empty@example.com',
      shippingAddress: koreanAddress(),
      paymentMethod: 'bank_transfer',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'E_CART_EMPTY')
    assert.lengthOf(await Order.all(), 0)
  })
})
