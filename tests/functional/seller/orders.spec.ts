import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import type Order from '#models/order'
import SellerOrder from '#models/seller_order'
import AuditEvent from '#models/audit_event'
import type User from '#models/user'
import { CartService } from '#services/cart/cart_service'
import { CheckoutService } from '#services/checkout/checkout_service'
import { PaymentService } from '#services/payments/payment_service'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { createSellerOwner } from '#database/factories/index'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'

/** A published listing of a new seller, with the seller's owner. */
async function sellerListing(price = 10_000) {
  const { owner, seller } = await createSellerOwner()
  return { owner, ...(await createListing({ seller, price })) }
}

type Listing = Awaited<ReturnType<typeof sellerListing>>

/** Places a bank-transfer order for one of each listing, paid unless told otherwise. */
async function placeOrder(listings: Listing[], options: { paid?: boolean } = {}) {
  const carts = await app.container.make(CartService)
  const cart = await carts.create()
  for (const listing of listings) await carts.addItem(cart, listing.variant.id, 1)
  const checkout = await app.container.make(CheckoutService)
  const { order, payment } = await checkout.place(
    {
      cartId: cart.id,
      email: 'buyer@example.com',
      shippingAddress: { ...koreanAddress('63100'), city: null, region: null },
      paymentMethod: 'bank_transfer',
      user: null,
      locale: 'ko',
    },
    SYSTEM_ACTOR
  )
  if (options.paid !== false) {
    const payments = await app.container.make(PaymentService)
    await payments.capture(payment, SYSTEM_ACTOR)
  }
  return order
}

async function sellerOrderOf(order: Order, listing: Listing) {
  return SellerOrder.query().where({ orderId: order.id, sellerId: listing.seller.id }).firstOrFail()
}

/** The text of the first element marked `data-test="<name>"` in a page, whitespace collapsed. */
function testText(html: string, name: string) {
  const match = new RegExp(`data-test="${name}"[^>]*>([^<]*)<`).exec(html)
  return match ? match[1].replace(/\s+/g, ' ').trim() : null
}

function ship(client: ApiClient, owner: User, id: number, form: Record<string, string>) {
  return client
    .post(`/seller/orders/${id}/ship`)
    .header('referer', `/seller/orders/${id}`)
    .form(form)
    .loginAs(owner)
    .withCsrfToken()
    .redirects(0)
}

function deliver(client: ApiClient, owner: User, id: number) {
  return client.post(`/seller/orders/${id}/deliver`).loginAs(owner).withCsrfToken().redirects(0)
}

test.group('Seller center | orders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('lists only this seller’s orders, to ship by default, with a count per tab', async ({
    client,
    assert,
  }) => {
    const mine = await sellerListing(20_000)
    const theirs = await sellerListing(15_000)
    const shared = await placeOrder([mine, theirs])
    const unpaid = await placeOrder([mine], { paid: false })
    const owner = mine.owner
    const mineInShared = await sellerOrderOf(shared, mine)
    const theirsInShared = await sellerOrderOf(shared, theirs)

    const response = await client.get('/seller/orders').loginAs(owner)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `data-id="${mineInShared.id}"`)
    assert.notInclude(html, `data-id="${theirsInShared.id}"`)
    assert.include(html, shared.number)
    assert.notInclude(html, unpaid.number)
    assert.equal(testText(html, 'count-to_ship'), '1')
    assert.equal(testText(html, 'count-awaiting_payment'), '1')
    assert.equal(testText(html, 'count-shipped'), '0')

    const awaiting = await client.get('/seller/orders?status=awaiting_payment').loginAs(owner)
    awaiting.assertTextIncludes(unpaid.number)
    assert.notInclude(awaiting.text(), shared.number)

    const bad = await client
      .get('/seller/orders?status=lost')
      .header('referer', '/seller/orders')
      .loginAs(owner)
      .redirects(0)
    bad.assertStatus(422)
  })

  test('shows items, address and phone, the fee breakdown, payment and timeline', async ({
    client,
    assert,
  }) => {
    const listing = await sellerListing(20_000)
    await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
    const order = await placeOrder([listing])
    const sellerOrder = await sellerOrderOf(order, listing)

    const response = await client.get(`/seller/orders/${sellerOrder.id}`).loginAs(listing.owner)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, listing.product.title)
    assert.equal(testText(html, 'phone'), '010-1234-5678')
    assert.include(html, '제주특별자치도 제주시 첨단로 242')
    assert.include(html, '기본 배송비')
    assert.include(html, '제주 추가 배송비')
    assert.include(html, '₩6,000')
    assert.equal(testText(html, 'payment-status'), '결제 완료')
    assert.include(html, 'data-step="paid"')
    assert.include(html, 'data-test="ship"')
  })

  test('names the payment method, the country and the carriers instead of their codes', async ({
    client,
    assert,
  }) => {
    const listing = await sellerListing(20_000)
    await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
    const sellerOrder = await sellerOrderOf(await placeOrder([listing]), listing)

    const response = await client.get(`/seller/orders/${sellerOrder.id}`).loginAs(listing.owner)
    const html = response.text()
    assert.equal(testText(html, 'payment-method'), '무통장입금')
    assert.include(html, '대한민국')
    assert.include(html, 'CJ대한통운')
    assert.notMatch(html, />\s*(bank_transfer|KR)\s*</)

    const english = await client
      .get(`/seller/orders/${sellerOrder.id}`)
      .header('accept-language', 'en')
      .loginAs(listing.owner)
    assert.equal(testText(english.text(), 'payment-method'), 'Bank transfer')
    assert.include(english.text(), 'South Korea')
    assert.include(english.text(), 'CJ Logistics')
  })

  test('ships with carrier and tracking number; the order is fulfilled once every seller shipped', async ({
    client,
    assert,
  }) => {
    const first = await sellerListing()
    const second = await sellerListing()
    const order = await placeOrder([first, second])
    const firstPart = await sellerOrderOf(order, first)
    const secondPart = await sellerOrderOf(order, second)

    const response = await ship(client, first.owner, firstPart.id, {
      carrier: 'cj',
      trackingNumber: '6012-3456-7890',
    })
    response.assertStatus(302)
    response.assertHeader('location', `/seller/orders/${firstPart.id}`)
    response.assertFlashMessage('success', '발송 처리했습니다.')
    await firstPart.refresh()
    assert.equal(firstPart.status, SellerOrderStatus.Shipped)
    assert.deepEqual([firstPart.carrier, firstPart.trackingNumber], ['cj', '6012-3456-7890'])
    assert.isNotNull(firstPart.shippedAt)
    const shipped = await AuditEvent.findByOrFail('action', 'seller_order.shipped')
    assert.equal(shipped.actorRole, 'seller')
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)

    await ship(client, second.owner, secondPart.id, {
      carrier: 'hanjin',
      trackingNumber: 'HJ123456',
    })
    await order.refresh()
    assert.equal(order.status, OrderStatus.Fulfilled)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.fulfilled'), 1)
  })

  test('refuses an unknown carrier or a malformed tracking number and writes nothing', async ({
    client,
    assert,
  }) => {
    const listing = await sellerListing()
    const order = await placeOrder([listing])
    const sellerOrder = await sellerOrderOf(order, listing)
    const owner = listing.owner

    for (const [form, field] of [
      [{ carrier: 'pigeon', trackingNumber: '123456789' }, 'carrier'],
      [{ carrier: 'cj', trackingNumber: '12345' }, 'trackingNumber'],
      [{ carrier: 'cj', trackingNumber: '1234 5678 90' }, 'trackingNumber'],
      [{ carrier: 'cj', trackingNumber: 'x'.repeat(41) }, 'trackingNumber'],
    ] as const) {
      const response = await ship(client, owner, sellerOrder.id, form)
      response.assertStatus(302)
      assert.deepEqual(Object.keys(response.flashMessage('inputErrorsBag')), [field])
    }
    await sellerOrder.refresh()
    assert.equal(sellerOrder.status, SellerOrderStatus.ToShip)
    assert.isNull(sellerOrder.trackingNumber)
    assert.lengthOf(await AuditEvent.query().where('action', 'seller_order.shipped'), 0)

    const page = await client
      .get(`/seller/orders/${sellerOrder.id}`)
      .withFlashMessages({ trackingNumber: '12345', inputErrorsBag: { trackingNumber: ['x'] } })
      .loginAs(owner)
    assert.equal(
      testText(page.text(), 'error-trackingNumber'),
      '운송장 번호는 영문, 숫자, 하이픈으로 된 6~40자여야 합니다.'
    )
    page.assertTextIncludes('value="12345"')
  })

  test('refuses to ship an order that is not paid yet, with a flash error', async ({
    client,
    assert,
  }) => {
    const listing = await sellerListing()
    const order = await placeOrder([listing], { paid: false })
    const sellerOrder = await sellerOrderOf(order, listing)

    const response = await ship(client, listing.owner, sellerOrder.id, {
      carrier: 'cj',
      trackingNumber: '601234567890',
    })
    response.assertStatus(302)
    response.assertHeader('location', `/seller/orders/${sellerOrder.id}`)
    assert.match(String(response.flashMessage('error')), /이 작업을 할 수 없습니다/)
    await sellerOrder.refresh()
    assert.equal(sellerOrder.status, SellerOrderStatus.AwaitingPayment)
    assert.isNull(sellerOrder.trackingNumber)
    assert.lengthOf(await AuditEvent.query().where('action', 'seller_order.shipped'), 0)
  })

  test('marks a shipped order delivered, and refuses before it ships', async ({
    client,
    assert,
  }) => {
    const listing = await sellerListing()
    const order = await placeOrder([listing])
    const sellerOrder = await sellerOrderOf(order, listing)
    const owner = listing.owner

    const early = await deliver(client, owner, sellerOrder.id)
    early.assertStatus(302)
    assert.exists(early.flashMessage('error'))
    await sellerOrder.refresh()
    assert.equal(sellerOrder.status, SellerOrderStatus.ToShip)

    await ship(client, owner, sellerOrder.id, { carrier: 'cj', trackingNumber: '601234567890' })
    const response = await deliver(client, owner, sellerOrder.id)
    response.assertFlashMessage('success', '배송 완료로 표시했습니다.')
    await sellerOrder.refresh()
    assert.equal(sellerOrder.status, SellerOrderStatus.Delivered)
    assert.isNotNull(sellerOrder.deliveredAt)
    assert.lengthOf(await AuditEvent.query().where('action', 'seller_order.delivered'), 1)
  })

  test('another seller’s order is a 404 for every action, and stays as it was', async ({
    client,
    assert,
  }) => {
    const listing = await sellerListing()
    const stranger = await sellerListing()
    const order = await placeOrder([listing])
    const sellerOrder = await sellerOrderOf(order, listing)
    const owner = stranger.owner

    const page = await client.get(`/seller/orders/${sellerOrder.id}`).loginAs(owner)
    page.assertStatus(404)
    const shipped = await ship(client, owner, sellerOrder.id, {
      carrier: 'cj',
      trackingNumber: '601234567890',
    })
    shipped.assertStatus(404)
    const delivered = await deliver(client, owner, sellerOrder.id)
    delivered.assertStatus(404)
    const missing = await client.get('/seller/orders/999999').loginAs(owner)
    missing.assertStatus(404)

    await sellerOrder.refresh()
    assert.equal(sellerOrder.status, SellerOrderStatus.ToShip)
  })

  test('the dashboard counts the orders waiting to ship', async ({ client, assert }) => {
    const listing = await sellerListing()
    await placeOrder([listing])
    await placeOrder([listing], { paid: false })

    const response = await client.get('/seller').loginAs(listing.owner)
    response.assertStatus(200)
    assert.equal(testText(response.text(), 'to-ship-count'), '1')
  })
})
