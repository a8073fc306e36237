import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Product from '#models/product'
import Order from '#models/order'
import CartItem from '#models/cart_item'
import AuditEvent from '#models/audit_event'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { createListing, koreanAddress, setPolicy, stockOf } from '#tests/helpers/commerce'
import { refuseAuditRows } from '#tests/helpers/audit'

const LONG_REQUEST_ID = 'x'.repeat(65)

async function publishedProduct() {
  const category = await CategoryFactory.create()
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, category, { status: ProductStatus.Published })
  return { owner, product }
}

async function guestCart(client: any) {
  const listing = await createListing({ price: 12_000, stock: 5 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const created = await client.post('/api/v1/carts')
  const cartId = created.body().data.id
  const added = await client
    .post(`/api/v1/carts/${cartId}/items`)
    .json({ variantId: listing.variant.id, quantity: 2 })
  added.assertStatus(201)
  return { cartId: cartId as string, variantId: listing.variant.id }
}

function checkout(client: any, cartId: string) {
  return client.post('/api/v1/checkout').json({
    cartId,
    email: 'guest@example.com',
    shippingAddress: koreanAddress('04524'),
    paymentMethod: 'bank_transfer',
  })
}

/*
 * These commit for real (no global transaction): what is checked is what a
 * transaction that failed at its audit row left behind.
 */
test.group('Audit log | a change and its record commit together', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a request id longer than 64 characters is replaced, and the edit is saved and audited', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await publishedProduct()
    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .header('X-Request-Id', LONG_REQUEST_ID)
      .json({ description: '새 설명' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    const echoed = response.header('x-request-id') ?? ''
    assert.match(echoed, /^[0-9a-f-]{36}$/)
    const row = await AuditEvent.query().where('action', 'product.updated').firstOrFail()
    assert.equal(row.requestId, echoed)
    const saved = await Product.findOrFail(product.id)
    assert.equal(saved.description, '새 설명')
  })

  test('a sane client request id is kept in the audit row', async ({ client, assert }) => {
    const { owner, product } = await publishedProduct()
    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .header('X-Request-Id', 'trace-7f3a9c.1')
      .json({ description: '새 설명' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(200)
    const row = await AuditEvent.query().where('action', 'product.updated').firstOrFail()
    assert.equal(row.requestId, 'trace-7f3a9c.1')
  })

  test('when its audit row cannot be written, a seller edit is not saved and the product stays published', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { owner, product } = await publishedProduct()
    cleanup(await refuseAuditRows('product.updated'))

    const response = await client
      .patch(`/api/v1/seller/products/${product.id}`)
      .json({ description: '새 설명' })
      .withGuard('api')
      .loginAs(owner)

    response.assertStatus(500)
    const fresh = await Product.findOrFail(product.id)
    assert.equal(fresh.description, product.description)
    assert.equal(fresh.status, ProductStatus.Published)
    assert.lengthOf(await AuditEvent.query().where('action', 'product.updated'), 0)
  })

  test('when its audit row cannot be written, a guest checkout leaves no order, holds no stock and keeps the cart', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { cartId, variantId } = await guestCart(client)
    cleanup(await refuseAuditRows('order.placed'))

    const response = await checkout(client, cartId)

    response.assertStatus(500)
    assert.lengthOf(await Order.all(), 0)
    assert.equal(await stockOf(variantId), 5)
    assert.lengthOf(await CartItem.query().where('cartId', cartId), 1)
    QueueManager.fake().assertNothingPushed()
  })

  test('a guest checkout with an overlong request id places the order with its audit row', async ({
    client,
    assert,
  }) => {
    const { cartId } = await guestCart(client)
    const response = await checkout(client, cartId).header('X-Request-Id', LONG_REQUEST_ID)

    response.assertStatus(201)
    const order = await Order.findByOrFail('number', response.body().data.orderNumber)
    const row = await AuditEvent.query()
      .where({ action: 'order.placed', subjectId: String(order.id) })
      .firstOrFail()
    assert.notEqual(row.requestId, LONG_REQUEST_ID)
  })
})
