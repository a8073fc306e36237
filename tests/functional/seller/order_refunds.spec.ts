import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { stockOf } from '#tests/helpers/commerce'
import { paidTwoSellerOrder, refund, shipParcel, testTexts } from '../orders/refund_helpers.js'

/*
 * A seller must never ship refunded goods: the seller center shows every
 * refund on the seller's part of an order, with its items, and a parcel
 * refunded in full before it ships is called off.
 */
test.group('Seller center | refunds', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the seller order page shows the refund with its items and what is left to ship', async ({
    client,
    assert,
  }) => {
    const { payment, a, b } = await paidTwoSellerOrder()
    const item = a.sellerOrder.items[0]
    await refund(payment, {
      amount: 10_000,
      reason: '한 개 품절',
      sellerOrderId: a.sellerOrder.id,
      items: [{ orderItemId: item.id, quantity: 1 }],
    })

    const page = await client.get(`/seller/orders/${a.sellerOrder.id}`).loginAs(a.owner)
    page.assertStatus(200)
    const html = page.text()
    assert.deepEqual(testTexts(html, 'refund-notice'), [
      '환불이 있는 주문입니다. 환불된 상품은 발송하지 말고, 남은 수량만 보내 주세요.',
    ])
    assert.deepEqual(testTexts(html, 'refund-state'), ['부분 환불', '환불 완료'])
    assert.deepEqual(testTexts(html, 'refund-amount'), ['₩10,000'])
    assert.deepEqual(testTexts(html, 'refund-reason'), ['사유: 한 개 품절'])
    assert.deepEqual(testTexts(html, 'refund-item'), [`${item.productTitle} × 1`])
    assert.deepEqual(testTexts(html, 'item-refunded'), ['1개 환불 · 1개 발송'])
    assert.deepEqual(testTexts(html, 'share-refunded'), ['-₩10,000'])
    // Still to ship: one of two.
    assert.include(html, 'data-test="ship"')

    // The list flags it; the other seller hears nothing of it.
    const list = await client.get('/seller/orders').loginAs(a.owner)
    assert.deepEqual(testTexts(list.text(), 'refund-state'), ['부분 환불'])
    assert.deepEqual(testTexts(list.text(), 'share-refunded'), ['-₩10,000'])
    const other = await client.get(`/seller/orders/${b.sellerOrder.id}`).loginAs(b.owner)
    assert.notInclude(other.text(), 'data-test="refunds"')
    assert.notInclude(other.text(), '한 개 품절')
  })

  test('the front page counts the parcels to ship that have refunds', async ({
    client,
    assert,
  }) => {
    const first = await paidTwoSellerOrder()
    const second = await paidTwoSellerOrder()
    await refund(first.payment, { amount: 1000, reason: '배송 지연 보상' })
    // Another seller's share refunded: not this seller's concern.
    await refund(second.payment, {
      amount: 1000,
      reason: '판매자 B 일부 환불',
      sellerOrderId: second.b.sellerOrder.id,
    })

    const page = await client.get('/seller').loginAs(first.a.owner)
    assert.deepEqual(testTexts(page.text(), 'to-ship-refunds'), [
      '발송할 주문 중 1건에 환불이 있습니다. 발송하기 전에 환불 내역을 확인하세요.',
    ])
    const other = await client.get('/seller').loginAs(second.a.owner)
    assert.notInclude(other.text(), 'data-test="to-ship-refunds"')
  })

  test('a refund of the whole order shows on every seller page', async ({ client, assert }) => {
    const { payment, a, b } = await paidTwoSellerOrder()
    await refund(payment, { amount: 3000, reason: '배송 지연 보상' })

    for (const { owner, sellerOrder } of [a, b]) {
      const page = await client.get(`/seller/orders/${sellerOrder.id}`).loginAs(owner)
      assert.deepEqual(testTexts(page.text(), 'refund-target'), ['대상: 주문 전체'])
      // It names no items: the seller is told to ask before shipping.
      assert.deepEqual(testTexts(page.text(), 'refund-notice'), [
        '환불이 있는 주문입니다. 환불된 상품은 발송하지 말고, 남은 수량만 보내 주세요. 상품을 지정하지 않은 환불이 있습니다. 발송하기 전에 운영자에게 확인하세요.',
      ])
    }
  })

  test('a seller order refunded in full before it ships is canceled and its stock goes back', async ({
    client,
    assert,
  }) => {
    const { order, payment, a, b } = await paidTwoSellerOrder()
    assert.equal(await stockOf(b.variant.id), 4)
    await refund(payment, {
      amount: 7500,
      reason: '판매자 B 전체 품절',
      sellerOrderId: b.sellerOrder.id,
    })

    await Promise.all([b.sellerOrder.refresh(), a.sellerOrder.refresh(), order.refresh()])
    assert.equal(b.sellerOrder.status, SellerOrderStatus.Canceled)
    assert.isNotNull(b.sellerOrder.canceledAt)
    assert.equal(await stockOf(b.variant.id), 5)
    assert.equal(a.sellerOrder.status, SellerOrderStatus.ToShip)
    assert.equal(await stockOf(a.variant.id), 3)
    assert.equal(order.status, OrderStatus.Paid)
    const canceled = await AuditEvent.query()
      .where({ action: 'seller_order.canceled', subjectId: String(b.sellerOrder.id) })
      .firstOrFail()
    assert.equal(canceled.diff.after.reason, 'refunded_before_shipping')

    const page = await client.get(`/seller/orders/${b.sellerOrder.id}`).loginAs(b.owner)
    assert.deepEqual(testTexts(page.text(), 'refund-notice'), [
      '전액 환불되어 취소된 주문입니다. 발송하지 마세요.',
    ])
    assert.notInclude(page.text(), 'data-test="ship"')
    const ship = await client
      .post(`/seller/orders/${b.sellerOrder.id}/ship`)
      .form({ carrier: 'cj', trackingNumber: '600012345678' })
      .loginAs(b.owner)
      .withCsrfToken()
      .redirects(0)
    ship.assertFlashMessage(
      'error',
      '지금 주문 상태에서는 이 작업을 할 수 없습니다. 페이지를 새로 고쳐 상태를 확인하세요.'
    )
    await b.sellerOrder.refresh()
    assert.equal(b.sellerOrder.status, SellerOrderStatus.Canceled)

    // The other seller ships, and that completes the order's shipping.
    await shipParcel(a.sellerOrder)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Fulfilled)
  })

  test('refunding every item of a seller order calls it off even when shipping is kept', async ({
    assert,
  }) => {
    const { payment, a } = await paidTwoSellerOrder()
    const [item] = a.sellerOrder.items
    await refund(payment, {
      amount: 20_000,
      reason: '상품 전부 품절, 배송비는 정산',
      sellerOrderId: a.sellerOrder.id,
      items: [{ orderItemId: item.id, quantity: 2 }],
    })
    await a.sellerOrder.refresh()
    assert.equal(a.sellerOrder.status, SellerOrderStatus.Canceled)
    assert.equal(await stockOf(a.variant.id), 5)
  })

  test('when the last unshipped parcel is refunded the order is fulfilled by the shipped ones', async ({
    assert,
  }) => {
    const { order, payment, a, b } = await paidTwoSellerOrder()
    await shipParcel(a.sellerOrder)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)

    await refund(payment, {
      amount: 7500,
      reason: '판매자 B 취소',
      sellerOrderId: b.sellerOrder.id,
    })
    await order.refresh()
    assert.equal(order.status, OrderStatus.Fulfilled)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.fulfilled'), 1)
  })

  test('a parcel that already shipped stays as it is, with the refund shown', async ({
    client,
    assert,
  }) => {
    const { payment, a } = await paidTwoSellerOrder()
    await shipParcel(a.sellerOrder)
    await refund(payment, { amount: 23_000, reason: '반품 완료', sellerOrderId: a.sellerOrder.id })
    await a.sellerOrder.refresh()
    assert.equal(a.sellerOrder.status, SellerOrderStatus.Shipped)

    const page = await client.get(`/seller/orders/${a.sellerOrder.id}`).loginAs(a.owner)
    assert.deepEqual(testTexts(page.text(), 'refund-notice'), [
      '발송한 뒤 환불이 있었던 주문입니다. 환불 내역을 확인하세요.',
    ])
    assert.deepEqual(testTexts(page.text(), 'refund-state'), ['전액 환불', '환불 완료'])
  })
})
