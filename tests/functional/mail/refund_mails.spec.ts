import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { QueueManager } from '@adonisjs/queue'
import SendOrderMail from '#jobs/notifications/send_order_mail'
import RefundIssuedMail from '#mails/refund_issued_mail'
import Order from '#models/order'
import type PaymentRefund from '#models/payment_refund'
import { paidTwoSellerOrder, refund, shipParcel } from '#tests/functional/orders/refund_helpers'

/** A paid order (in the customer's `locale`) with one refund of one of seller A's items. */
async function refundedOrder(locale: 'ko' | 'en') {
  const placed = await paidTwoSellerOrder()
  await Order.query().where('id', placed.order.id).update({ locale })
  const item = placed.a.sellerOrder.items[0]
  const made = await refund(placed.payment, {
    amount: 10_000,
    reason: locale === 'ko' ? '색상 품절' : 'Colour sold out',
    sellerOrderId: placed.a.sellerOrder.id,
    items: [{ orderItemId: item.id, quantity: 1 }],
  })
  return { ...placed, item, refund: made }
}

/** Builds and "sends" the refund mail as the worker would; returns the message. */
async function sendRefundMail(made: PaymentRefund) {
  const { mails } = mail.fake()
  QueueManager.restore()
  await SendOrderMail.dispatch({ kind: 'refunded', id: made.id }).with('sync')
  mails.assertSentCount(RefundIssuedMail, 1)
  return mails.sent()[0].message
}

/** The text body of the order mail `kind` about `id`, built and sent as the worker would. */
async function orderMailText(kind: 'shipped' | 'to_ship', id: number) {
  const { mails } = mail.fake()
  QueueManager.restore()
  await SendOrderMail.dispatch({ kind, id }).with('sync')
  return mails.sent()[0].message.toJSON().message.text as string
}

test.group('Mail | refund issued', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => {
      mail.restore()
      QueueManager.restore()
    }
  })

  test('a refund that went through queues the customer mail about it', async () => {
    const { refund: made } = await refundedOrder('ko')
    QueueManager.fake().assertPushed('SendOrderMail', {
      payload: { kind: 'refunded', id: made.id },
    })
  })

  test('tells the customer the amount, reason, items and time in Korean', async ({ assert }) => {
    const { order, item, refund: made } = await refundedOrder('ko')
    const message = await sendRefundMail(made)

    message.assertTo(order.email)
    message.assertSubject(`[Jangteo] 주문 ${order.number}의 환불이 처리되었습니다`)
    const year = String(made.refundedAt!.year)
    for (const body of ['html', 'text'] as const) {
      message.assertContent(body, '환불이 처리되었습니다')
      message.assertContent(body, '₩10,000')
      message.assertContent(body, '색상 품절')
      message.assertContent(body, `${item.productTitle} × 1`)
      message.assertContent(body, year)
      message.assertContent(body, '환불 후 결제 금액')
      message.assertContent(body, '₩20,500')
    }
    const text = message.toObject().message.text as string
    assert.include(text, '환불 금액: ₩10,000')
    assert.include(text, '지금까지 환불된 금액: -₩10,000')
    assert.match(text, /환불 일시: \d{4}년 \d{1,2}월 \d{1,2}일/)
  })

  test('tells the customer the same in English', async () => {
    const { order, refund: made } = await refundedOrder('en')
    const message = await sendRefundMail(made)

    message.assertSubject(`[Jangteo] Refund for order ${order.number}`)
    message.assertTextIncludes('Refund amount: ₩10,000')
    message.assertTextIncludes('Reason: Colour sold out')
    message.assertTextIncludes('Paid after refunds: ₩20,500')
    message.assertHtmlIncludes('Your refund has been issued')
    message.assertHtmlIncludes('₩10,000')
  })

  test("the shipping notice and the seller's to-ship mail say which items were refunded", async ({
    assert,
  }) => {
    const { a, item } = await refundedOrder('ko')
    await shipParcel(a.sellerOrder)

    const shipped = await orderMailText('shipped', a.sellerOrder.id)
    assert.include(shipped, `- ${item.productTitle}\n2개 × ₩10,000 = ₩20,000\n(1개 환불)`)
    const toShip = await orderMailText('to_ship', a.sellerOrder.id)
    assert.include(toShip, '(1개 환불)')
  })
})
