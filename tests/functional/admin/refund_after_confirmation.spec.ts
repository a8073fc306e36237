import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import PaymentRefund from '#models/payment_refund'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { useLocalStripe } from '#tests/helpers/payments'
import { paidTwoSellerOrder, refund, shipParcel } from '#tests/functional/orders/refund_helpers'
import { cardPaidOrder, postRefund, refundAuditActions, refundsAt } from './payment_helpers.js'

const stripe = await startStripeServer()

const REFUSED =
  "구매확정된 판매자 주문의 대금입니다. 환불하려면 '구매확정 이후의 환불을 예외로 승인합니다'에 체크하고 사유를 적으세요."

/** Posts a refund as a JSON client of the back office. */
function postRefundJson(
  client: ApiClient,
  user: User,
  paymentId: number,
  body: Record<string, unknown>
) {
  return client
    .post(`/admin/payments/${paymentId}/refunds`)
    .header('accept', 'application/json')
    .json(body)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

/*
 * 구매확정 tells the customer the money now goes to the seller. Refunding it
 * afterwards takes an admin's explicit override with a reason, recorded in
 * the audit log; without one nothing is written and the provider is not
 * called. Against the local Stripe, committed for real.
 */
test.group('Back office | refunds after 구매확정', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('without an override the refund is refused with 422, nothing is written and Stripe is not called', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment, sellerA } = await cardPaidOrder(stripe)
    await shipParcel(sellerA, { confirm: true })
    assert.equal(sellerA.status, SellerOrderStatus.PurchaseConfirmed)

    for (const body of [
      { amount: 5000, reason: '구매확정 후 반품', sellerOrderId: sellerA.id },
      // A whole-payment refund larger than what unconfirmed sellers hold.
      { amount: 7501, reason: '주문 전체 환불' },
      // Ticked without a reason is no override.
      {
        amount: 5000,
        reason: '사유 없는 예외',
        sellerOrderId: sellerA.id,
        overrideReason: '고객 요청',
      },
    ]) {
      const response = await postRefundJson(client, admin, payment.id, body)
      response.assertStatus(422)
      response.assertBody({
        errors: [{ field: 'override', rule: 'purchase_confirmed', message: REFUSED }],
      })
    }
    assert.lengthOf(await PaymentRefund.all(), 0)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 0)
    assert.deepEqual(await refundAuditActions(), [])
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.refundedAmount, 0)
  })

  test('the form shows the refusal at the override box, and a ticked box needs a reason', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment, sellerA } = await cardPaidOrder(stripe)
    await shipParcel(sellerA, { confirm: true })
    const form = `refund-${payment.id}-${sellerA.id}`

    const refused = await postRefund(client, admin, payment.id, {
      amount: '5000',
      reason: '구매확정 후 반품',
      sellerOrderId: sellerA.id,
      form,
    })
    refused.assertStatus(302)
    refused.assertFlashMessage('inputErrorsBag', { override: [REFUSED] })
    const page = await client
      .get(`/admin/orders/${payment.orderId}`)
      .loginAs(admin)
      .withFlashMessages(refused.flashMessages())
    const html = page.text()
    const sent = html.slice(html.indexOf(`data-form="${form}"`))
    assert.match(
      sent,
      /^[^]*?data-test="refund-override"[^]*?data-test="error-override">\s*구매확정된/
    )

    const unexplained = await postRefund(client, admin, payment.id, {
      amount: '5000',
      reason: '구매확정 후 반품',
      sellerOrderId: sellerA.id,
      override: 'on',
      form,
    })
    unexplained.assertStatus(302)
    assert.property(unexplained.flashMessages().inputErrorsBag, 'overrideReason')
    assert.lengthOf(await PaymentRefund.all(), 0)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 0)
  })

  test('with the override and its reason the refund goes through and the audit log says so', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment, sellerA } = await cardPaidOrder(stripe)
    await shipParcel(sellerA, { confirm: true })

    const response = await postRefundJson(client, admin, payment.id, {
      amount: 5000,
      reason: '구매확정 후 파손 확인',
      sellerOrderId: sellerA.id,
      override: true,
      overrideReason: '판매자와 합의한 예외 환불',
    })
    response.assertStatus(201)
    const stored = await PaymentRefund.findByOrFail('paymentId', payment.id)
    assert.containSubset(response.body().data, {
      id: stored.id,
      status: 'succeeded',
      amount: 5000,
      sellerOrderId: sellerA.id,
      overrideReason: '판매자와 합의한 예외 환불',
    })
    assert.equal(stored.overrideReason, '판매자와 합의한 예외 환불')
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 1)
    assert.deepEqual(await refundAuditActions(), ['refund.requested', 'payment.refunded'])
    for (const action of ['refund.requested', 'payment.refunded']) {
      const row = await AuditEvent.findByOrFail('action', action)
      assert.equal(row.actorId, admin.id)
      assert.containSubset(row.diff.after, {
        refundId: stored.id,
        override: 'after_purchase_confirmed',
        overrideReason: '판매자와 합의한 예외 환불',
      })
    }
    // The confirmed parcel stays confirmed: the money went back, the goods were delivered.
    await sellerA.refresh()
    assert.equal(sellerA.status, SellerOrderStatus.PurchaseConfirmed)

    const page = await client.get(`/admin/orders/${payment.orderId}`).loginAs(admin)
    page.assertTextIncludes('구매확정 후 예외 환불 · 사유: 판매자와 합의한 예외 환불')
  })
})

/*
 * Which refunds touch money 구매확정 promised: a whole-payment refund needs
 * the override only beyond what unconfirmed sellers still hold, so money
 * that is not a confirmed seller's can go back without one.
 */
test.group('Back office | what needs the 구매확정 override', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a whole-payment refund within the unconfirmed share needs none; beyond it, it does', async ({
    assert,
  }) => {
    const { payment, a, b } = await paidTwoSellerOrder()
    await shipParcel(a.sellerOrder, { confirm: true })

    const first = await refund(payment, { amount: 7500, reason: '판매자 B 몫 환불' })
    assert.isNull(first.overrideReason)
    // Seller B's share was already covered by that refund: anything more is seller A's money.
    await assert.rejects(
      () => refund(payment, { amount: 1, reason: '추가 환불', sellerOrderId: b.sellerOrder.id }),
      /purchase-confirmed/
    )
    const second = await refund(payment, {
      amount: 1000,
      reason: '추가 환불',
      overrideReason: '운영 정책상 보상',
    })
    assert.equal(second.overrideReason, '운영 정책상 보상')
    assert.lengthOf(await PaymentRefund.all(), 2)
  })
})
