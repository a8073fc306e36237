import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import PaymentRefund from '#models/payment_refund'
import { UserFactory } from '#database/factories/index'
import { orderLinkKey } from '#services/orders/order_lookup'
import { fetchContract } from '#tests/functional/api/openapi_contract'
import { paidTwoSellerOrder, refund, testTexts } from './refund_helpers.js'

/*
 * Refunds as the customer sees them, on bank-transfer orders (the admin
 * records a refund at once, no provider involved).
 */
test.group('Refunds | what the customer sees', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the order page shows each refund with its amount, reason, time and items', async ({
    client,
    assert,
  }) => {
    const { order, payment, a } = await paidTwoSellerOrder()
    const item = a.sellerOrder.items[0]
    await refund(payment, {
      amount: 10_000,
      reason: '색상 품절로 한 개를 환불합니다',
      sellerOrderId: a.sellerOrder.id,
      items: [{ orderItemId: item.id, quantity: 1 }],
    })
    await refund(payment, { amount: 2000, reason: '배송 지연 보상' })
    const [first, second] = await PaymentRefund.query().orderBy('id')

    const page = await client.get(`/orders/${order.number}?key=${orderLinkKey(order.number)}`)
    page.assertStatus(200)
    const html = page.text()
    assert.deepEqual(testTexts(html, 'refund-amount'), ['₩10,000', '₩2,000'])
    assert.deepEqual(testTexts(html, 'refund-reason'), [
      '사유: 색상 품절로 한 개를 환불합니다',
      '사유: 배송 지연 보상',
    ])
    assert.deepEqual(testTexts(html, 'refund-state'), ['환불 완료', '환불 완료'])
    // The time, machine-readable and shown in the visitor's language.
    for (const [index, row] of [first, second].entries()) {
      const time = new RegExp(`<time[^>]*datetime="([^"]+)"[^>]*data-test="refund-time"`, 'g')
      const stamps = [...html.matchAll(time)].map((match) => match[1])
      assert.equal(stamps[index], row.refundedAt!.toISO())
    }
    assert.match(testTexts(html, 'refund-time')[0], /\d{4}/)
    assert.deepEqual(testTexts(html, 'refund-target'), [
      `대상: ${a.seller.name}`,
      '대상: 주문 전체',
    ])
    assert.deepEqual(testTexts(html, 'refund-item'), [`${item.productTitle} × 1`])
    assert.deepEqual(testTexts(html, 'order-refund-state'), ['부분 환불'])
    assert.deepEqual(testTexts(html, 'payment-refunded'), ['환불 ₩12,000'])
    assert.deepEqual(testTexts(html, 'item-refunded'), ['1개 환불'])
    assert.deepEqual(testTexts(html, 'refunded-total'), ['-₩12,000'])
    assert.deepEqual(testTexts(html, 'net-paid'), ['₩18,500'])
  })

  test('the order page says nothing of refunds when there are none', async ({ client, assert }) => {
    const { order } = await paidTwoSellerOrder()
    const page = await client.get(`/orders/${order.number}?key=${orderLinkKey(order.number)}`)
    const html = page.text()
    assert.notInclude(html, 'data-test="refunds"')
    assert.notInclude(html, 'data-test="order-refund-state"')
  })

  test('the order history marks a refunded order and the API lists its refunds', async ({
    client,
    assert,
  }) => {
    const customer = await UserFactory.create()
    const { order, payment, b } = await paidTwoSellerOrder({ user: customer })
    await refund(payment, {
      amount: 5000,
      reason: '판매자 B 품절',
      sellerOrderId: b.sellerOrder.id,
      items: [{ orderItemId: b.sellerOrder.items[0].id, quantity: 1 }],
    })

    const history = await client.get('/account/orders').loginAs(customer)
    history.assertStatus(200)
    assert.deepEqual(testTexts(history.text(), 'history-refund-state'), ['부분 환불'])
    assert.deepEqual(testTexts(history.text(), 'history-refunded'), ['-₩5,000'])

    const api = await client
      .get(`/api/v1/orders/${order.number}`)
      .header('X-Order-Key', orderLinkKey(order.number))
    api.assertStatus(200)
    // The refunds are part of the documented Order.
    const contract = await fetchContract(client)
    const { path, method } = contract.operation('showOrder')
    const validate = contract.responseValidator(path, method, 200)!
    assert.isTrue(validate(api.body()), contract.errorsText(validate))
    const { refunds, sellers } = api.body().data
    assert.equal(refunds.state, 'partial')
    assert.equal(refunds.refunded, 5000)
    assert.equal(api.body().data.payment.refunded, 5000)
    assert.containSubset(refunds.entries, [
      {
        status: 'succeeded',
        amount: 5000,
        reason: '판매자 B 품절',
        reasonCode: null,
        sellerId: b.seller.id,
        items: [{ title: b.sellerOrder.items[0].productTitle, quantity: 1 }],
      },
    ])
    const seller = sellers.find((entry: { sellerId: number }) => entry.sellerId === b.seller.id)
    assert.equal(seller.items[0].refundedQuantity, 1)
  })
})
