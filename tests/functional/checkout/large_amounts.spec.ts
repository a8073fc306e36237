import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import Order from '#models/order'
import Payment from '#models/payment'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'

/** The highest price a seller may ask for one unit (₩1,000,000,000). */
const MAX_PRICE = 1_000_000_000

/** A guest cart holding `quantity` of one listing at `price`, with a flat ₩3,000 fee. */
async function cartOf(client: ApiClient, price: number, quantity: number) {
  const listing = await createListing({ price, stock: 100 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const created = await client.post('/api/v1/carts')
  const cartId: string = created.body().data.id
  const added = await client
    .post(`/api/v1/carts/${cartId}/items`)
    .json({ variantId: listing.variant.id, quantity })
  added.assertStatus(201)
  return { ...listing, cartId }
}

function checkout(client: ApiClient, cartId: string) {
  return client.post('/api/v1/checkout').json({
    cartId,
    email: 'big-spender@example.com',
    shippingAddress: koreanAddress(),
    paymentMethod: 'bank_transfer',
  })
}

/** Money columns as the database hands them back, outside the models. */
async function storedMoney(orderId: number) {
  const order = await db.from('orders').where('id', orderId).first()
  const item = await db.from('order_items').where('order_id', orderId).first()
  const sellerOrder = await db.from('seller_orders').where('order_id', orderId).first()
  const payment = await db.from('payments').where('order_id', orderId).first()
  return {
    orderGrandTotal: order.grand_total,
    lineTotal: item.line_total,
    sellerOrderTotal: sellerOrder.total,
    paymentAmount: payment.amount,
  }
}

test.group('Checkout | amounts beyond 2³¹ minor units', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a cart line of 99 at the highest price is priced and ordered to the won', async ({
    client,
    assert,
  }) => {
    const { cartId, product } = await cartOf(client, MAX_PRICE, 99)

    const cart = await client.get(`/api/v1/carts/${cartId}`)
    cart.assertStatus(200)
    assert.strictEqual(cart.body().data.sellers[0].items[0].lineTotal, 99_000_000_000)
    assert.strictEqual(cart.body().data.totals.grandTotal, 99_000_003_000)

    const placed = await checkout(client, cartId)
    placed.assertStatus(201)
    assert.deepEqual(placed.body().data.totals, {
      subtotal: 99_000_000_000,
      shipping: 3000,
      grandTotal: 99_000_003_000,
      currency: 'KRW',
    })
    const order = await Order.findByOrFail('number', placed.body().data.orderNumber)
    assert.strictEqual(order.grandTotal, 99_000_003_000)
    const payment = await Payment.findByOrFail('orderId', order.id)
    assert.strictEqual(payment.amount, 99_000_003_000)
    assert.deepEqual(await storedMoney(order.id), {
      orderGrandTotal: 99_000_003_000,
      lineTotal: 99_000_000_000,
      sellerOrderTotal: 99_000_003_000,
      paymentAmount: 99_000_003_000,
    })
    await product.refresh()
    assert.strictEqual(product.minPrice, MAX_PRICE)
  })

  test('an order of three ₩1,000,000,000 items checks out with exact totals', async ({
    client,
    assert,
  }) => {
    const { cartId } = await cartOf(client, MAX_PRICE, 3)

    const placed = await checkout(client, cartId)
    placed.assertStatus(201)
    assert.strictEqual(placed.body().data.totals.grandTotal, 3_000_003_000)
    assert.strictEqual(placed.body().data.payment.nextAction.amount, 3_000_003_000)

    const order = await client
      .get(`/api/v1/orders/${placed.body().data.orderNumber}`)
      .header('X-Order-Key', placed.body().data.accessKey)
    order.assertStatus(200)
    assert.strictEqual(order.body().data.totals.subtotal, 3_000_000_000)
    assert.strictEqual(order.body().data.totals.grandTotal, 3_000_003_000)
  })
})
