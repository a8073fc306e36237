import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import PaymentRefund from '#models/payment_refund'
import { UserFactory } from '#database/factories/index'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import ProductVariant from '#models/product_variant'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { useLocalStripe } from '#tests/helpers/payments'
import { createListing } from '#tests/helpers/commerce'
import { placePaidOrder } from '#tests/functional/orders/helpers'
import {
  cardPaidOrder,
  postRefund,
  refundAuditActions,
  refundService,
  refundsAt,
} from './payment_helpers.js'
import { withParticle } from '#formatting/korean_particles'

const stripe = await startStripeServer()

/*
 * Refunds from the order page against the local Stripe, committed for real
 * (the provider keeps its own state), so the tables are truncated.
 */
test.group('Back office | refunds', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('refunds part of a card payment with a reason, once, through Stripe', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment } = await cardPaidOrder(stripe)
    assert.equal(payment.capturedAmount, 30_500)

    const response = await postRefund(client, admin, payment.id, {
      amount: '5000',
      reason: '상품 일부 파손',
      form: `refund-${payment.id}`,
    })
    response.assertStatus(302)
    response.assertHeader('location', `/admin/orders/${order.id}`)
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    response.assertFlashMessage('success', `₩5,000을 환불했습니다 (환불 #${refund.id}).`)

    assert.equal(refund.status, RefundStatus.Succeeded)
    assert.equal(refund.amount, 5000)
    assert.equal(refund.reason, '상품 일부 파손')
    assert.equal(refund.requestedById, admin.id)
    assert.equal(refund.idempotencyKey, `${payment.attemptId}:refund:${refund.id}`)
    const [made] = refundsAt(stripe, payment.providerReference!)
    assert.equal(refund.providerRefundReference, made.id)
    assert.equal(made.amount, 5000)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.PartiallyRefunded)
    assert.equal(payment.refundedAmount, 5000)
    assert.deepEqual(await refundAuditActions(), ['refund.requested', 'payment.refunded'])
    const issued = await AuditEvent.findByOrFail('action', 'payment.refunded')
    assert.equal(issued.actorId, admin.id)
    assert.equal(issued.diff.after.reason, '상품 일부 파손')
  })

  test("refunds one seller's share (items and shipping) and no more", async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment, sellerB } = await cardPaidOrder(stripe)
    assert.equal(sellerB.total, 7500)

    const first = await postRefund(client, admin, payment.id, {
      amount: '7500',
      reason: '판매자 B 품절',
      sellerOrderId: sellerB.id,
    })
    const refund = await PaymentRefund.findByOrFail('sellerOrderId', sellerB.id)
    first.assertFlashMessage('success', `₩7,500을 환불했습니다 (환불 #${refund.id}).`)
    assert.equal(refund.status, RefundStatus.Succeeded)

    const again = await postRefund(client, admin, payment.id, {
      amount: '1',
      reason: '판매자 B 추가 환불',
      sellerOrderId: sellerB.id,
      form: `refund-${payment.id}-${sellerB.id}`,
    })
    again.assertFlashMessage('inputErrorsBag', {
      refund: ['환불 가능 금액을 넘습니다. 최대 ₩0까지 환불할 수 있습니다.'],
    })
    await payment.refresh()
    assert.equal(payment.refundedAmount, 7500)
    assert.equal(payment.status, PaymentStatus.PartiallyRefunded)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 1)
  })

  test('refunding everything that is left refunds the payment in full and calls the unshipped order off', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment } = await cardPaidOrder(stripe)
    await postRefund(client, admin, payment.id, { amount: '10000', reason: '부분 환불' })
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    await postRefund(client, admin, payment.id, { amount: '20500', reason: '나머지 환불' })

    await Promise.all([payment.refresh(), order.refresh()])
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(payment.refundedAmount, 30_500)
    // Nothing paid is left to ship: the parcels are canceled, the stock goes back.
    assert.equal(order.status, OrderStatus.Refunded)
    assert.equal(order.cancelReason, '나머지 환불')
    await order.load('sellerOrders', (sellerOrders) => sellerOrders.preload('items'))
    assert.deepEqual(
      order.sellerOrders.map((sellerOrder) => sellerOrder.status),
      [SellerOrderStatus.Canceled, SellerOrderStatus.Canceled]
    )
    const variants = await ProductVariant.query().whereIn(
      'id',
      order.sellerOrders.flatMap((sellerOrder) => sellerOrder.items.map((item) => item.variantId!))
    )
    assert.deepEqual(
      variants.map((variant) => variant.stock),
      [5, 5]
    )
    assert.deepEqual(
      refundsAt(stripe, payment.providerReference!).map((refund) => refund.amount),
      [10_000, 20_500]
    )
  })

  test('refuses more than was captured with the refundable amount, and writes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await cardPaidOrder(stripe)
    const form = `refund-${payment.id}`

    const response = await postRefund(client, admin, payment.id, {
      amount: '30501',
      reason: '초과 환불 시도',
      form,
    })
    response.assertFlashMessage('inputErrorsBag', {
      refund: ['환불 가능 금액을 넘습니다. 최대 ₩30,500까지 환불할 수 있습니다.'],
    })
    // The error is shown next to the form that was sent (only there), with what was typed.
    const page = await client
      .get(`/admin/orders/${payment.orderId}`)
      .loginAs(admin)
      .withFlashMessages(response.flashMessages())
    const html = page.text()
    assert.lengthOf(html.match(/data-test="refund-error"/g) ?? [], 1)
    const sent = html.slice(html.indexOf(`data-form="${form}"`))
    assert.match(sent, /^[^]*?value="30501"[^]*?data-test="refund-error">환불 가능 금액을 넘습니다/)

    const refunds = await refundService()
    const stored = await Payment.findOrFail(payment.id)
    await assert.rejects(
      () => refunds.refund(stored, { amount: 40_000, reason: '서비스 직접 호출' }, SYSTEM_ACTOR),
      /Cannot refund 40000 KRW; 30500 KRW is refundable/
    )
    assert.lengthOf(await PaymentRefund.all(), 0)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 0)
    assert.deepEqual(await refundAuditActions(), [])
    await stored.refresh()
    assert.equal(stored.status, PaymentStatus.Captured)
  })

  test('refuses bad input with field errors and writes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await cardPaidOrder(stripe)
    const other = await cardPaidOrder(stripe)

    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ amount: '1000', reason: '' }, { reason: ['사유를 입력하세요'] }],
      [{ amount: '0', reason: '금액 없음' }, { amount: ['금액은 양수여야 합니다'] }],
      [{ amount: 'lots', reason: '숫자 아님' }, { amount: ['금액은 숫자여야 합니다'] }],
      [
        { amount: '12.5', reason: '원화 소수점' },
        { amount: ['이 통화에서 쓸 수 없는 소수 자릿수입니다.'] },
      ],
      [
        { amount: '1000', reason: '다른 주문', sellerOrderId: other.sellerA.id },
        { refund: ['이 주문의 판매자 주문이 아닙니다.'] },
      ],
    ]
    for (const [form, errors] of cases) {
      const response = await postRefund(client, admin, payment.id, form)
      response.assertStatus(302)
      response.assertFlashMessage('inputErrorsBag', errors)
    }
    assert.lengthOf(await PaymentRefund.all(), 0)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 0)
    assert.deepEqual(await refundAuditActions(), [])
  })

  test('a bank transfer refund records what the admin sent back by hand', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ price: 12_000, stock: 3 })
    const { order, payment } = await placePaidOrder([{ variant }])

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    assert.include(page.text(), '무통장입금은 직접 환불합니다')
    assert.include(page.text(), '환불 기록')

    const response = await postRefund(client, admin, payment.id, {
      amount: '2000',
      reason: '차액 계좌 이체함',
    })
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    response.assertFlashMessage(
      'success',
      `${withParticle(`환불 #${refund.id} (₩2,000)`, '을(를)')} 직접 이체한 환불로 기록했습니다.`
    )
    assert.equal(refund.status, RefundStatus.Succeeded)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.PartiallyRefunded)
  })
})

test.group('Back office | refunds are for operators', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('customers and sellers get 403, guests the login page, a missing CSRF token nothing', async ({
    client,
    assert,
  }) => {
    const { variant, seller } = await createListing({ stock: 5 })
    const { payment } = await placePaidOrder([{ variant }])
    const customer = await UserFactory.create()
    const { default: SellerMember } = await import('#models/seller_member')
    const member = await SellerMember.query()
      .where('sellerId', seller.id)
      .preload('user')
      .firstOrFail()
    const form = { amount: '1000', reason: '권한 없는 환불' }

    for (const user of [customer, member.user]) {
      const refund = await postRefund(client, user, payment.id, form)
      refund.assertStatus(403)
      const accept = await client
        .post(`/admin/payments/${payment.id}/accept`)
        .loginAs(user)
        .withCsrfToken()
      accept.assertStatus(403)
      const retry = await client.post('/admin/refunds/1/retry').loginAs(user).withCsrfToken()
      retry.assertStatus(403)
    }
    const guest = await client
      .post(`/admin/payments/${payment.id}/refunds`)
      .form(form)
      .withCsrfToken()
      .redirects(0)
    guest.assertHeader('location', '/login')

    const admin = await UserFactory.apply('admin').create()
    const forged = await client
      .post(`/admin/payments/${payment.id}/refunds`)
      .form(form)
      .loginAs(admin)
      .redirects(0)
    assert.notEqual(forged.status(), 200)
    assert.lengthOf(await PaymentRefund.all(), 0)
    await payment.refresh()
    assert.equal(payment.refundedAmount, 0)
  })
})
