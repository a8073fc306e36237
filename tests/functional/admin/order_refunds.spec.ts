import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { UserFactory } from '#database/factories/index'
import {
  paidTwoSellerOrder,
  refund,
  shipParcel,
  testTexts,
} from '#tests/functional/orders/refund_helpers'

/** The status cell of one order's row in the back office's order list, as read. */
function rowOf(html: string, number: string) {
  const start = html.indexOf(`data-number="${number}"`)
  const row = html.slice(start, html.indexOf('</tr>', start))
  return {
    status: testTexts(`<x ${row}`, 'order-status'),
    refund: testTexts(`<x ${row}`, 'order-refund-state'),
    refunded: testTexts(`<x ${row}`, 'order-refunded'),
  }
}

/*
 * Operators see at a glance which orders were refunded, in part or in full,
 * and on an order's page how much of each parcel and item went back.
 */
test.group('Back office | refunds on orders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the order list marks partially and fully refunded orders', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const untouched = await paidTwoSellerOrder()
    const partial = await paidTwoSellerOrder()
    await refund(partial.payment, { amount: 5000, reason: '일부 환불' })
    const shipped = await paidTwoSellerOrder()
    await shipParcel(shipped.a.sellerOrder)
    await shipParcel(shipped.b.sellerOrder)
    await refund(shipped.payment, { amount: 30_500, reason: '반품 완료, 전액 환불' })
    const unshipped = await paidTwoSellerOrder()
    await refund(unshipped.payment, { amount: 30_500, reason: '주문 전체 취소' })

    const page = await client.get('/admin/orders').loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.deepEqual(rowOf(html, untouched.order.number), {
      status: ['결제 완료'],
      refund: [],
      refunded: [],
    })
    assert.deepEqual(rowOf(html, partial.order.number), {
      status: ['결제 완료'],
      refund: ['부분 환불'],
      refunded: ['-₩5,000'],
    })
    assert.deepEqual(rowOf(html, shipped.order.number), {
      status: ['발송 완료'],
      refund: ['전액 환불'],
      refunded: ['-₩30,500'],
    })
    // Nothing was left to ship: the order itself is refunded, and says so once.
    assert.deepEqual(rowOf(html, unshipped.order.number), {
      status: ['환불'],
      refund: [],
      refunded: ['-₩30,500'],
    })
  })

  test('the order page shows what each parcel and item got back', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment, a } = await paidTwoSellerOrder()
    await refund(payment, {
      amount: 10_000,
      reason: '한 개 품절',
      sellerOrderId: a.sellerOrder.id,
      items: [{ orderItemId: a.sellerOrder.items[0].id, quantity: 1 }],
    })

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    const html = page.text()
    assert.deepEqual(testTexts(html, 'order-refund-state'), ['부분 환불'])
    assert.deepEqual(testTexts(html, 'order-refunded'), ['-₩10,000'])
    assert.deepEqual(testTexts(html, 'seller-order-refunded'), ['-₩10,000'])
    assert.deepEqual(testTexts(html, 'item-refunded'), ['1개 환불'])
    assert.deepEqual(testTexts(html, 'refund-items'), [
      `${a.sellerOrder.items[0].productTitle} × 1`,
    ])
  })
})
