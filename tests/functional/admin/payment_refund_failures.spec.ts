import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import PaymentRefund from '#models/payment_refund'
import { UserFactory } from '#database/factories/index'
import { SYSTEM_ACTOR, actorFor } from '#audit/actor'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { PaymentManager } from '#payments/payment_manager'
import { RefundRefusedException } from '#services/payments/refund_errors'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { useLocalStripe } from '#tests/helpers/payments'
import {
  cardPaidOrder,
  postRefund,
  refundAuditActions,
  refundService,
  refundsAt,
} from './payment_helpers.js'

const stripe = await startStripeServer()

/*
 * Refunds that go wrong (a decline, an outage, a crash, two admins at once),
 * against the local Stripe, committed for real, so the tables are truncated.
 */
test.group('Back office | refunds that go wrong', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a refund Stripe declines is kept as failed with its reason; the payment is unchanged', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await cardPaidOrder(stripe)
    // Someone refunded most of the charge in Stripe's dashboard meanwhile.
    const intent = stripe.state.intents.get(payment.providerReference!)!
    stripe.state.charges.get(intent.latest_charge)!.amount_refunded = 30_000

    const response = await postRefund(client, admin, payment.id, {
      amount: '1000',
      reason: '대시보드와 충돌',
    })
    response.assertFlashMessage('inputErrorsBag', {
      refund: [
        '결제사가 환불을 거절했습니다 (amount_too_large): Refund amount (1000) is greater than unrefunded amount on charge (500)',
      ],
    })
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    assert.equal(refund.status, RefundStatus.Failed)
    assert.equal(refund.failureCode, 'amount_too_large')
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.refundedAmount, 0)
    assert.deepEqual(await refundAuditActions(), ['refund.requested', 'refund.failed'])
    // A failed refund does not count against what is refundable.
    const refunds = await refundService()
    assert.equal(await refunds.refundable(payment), 30_500)
  })

  test('an outage leaves the refund pending; retrying it refunds once', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await cardPaidOrder(stripe)
    stripe.failNext(1)

    const response = await postRefund(client, admin, payment.id, {
      amount: '3000',
      reason: '배송 지연 보상',
    })
    response.assertFlashMessage('inputErrorsBag', {
      refund: [
        '결제사에 연결할 수 없습니다. 환불은 처리 중으로 기록되었으니 나중에 다시 요청하세요 (두 번 환불되지 않습니다).',
      ],
    })
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    assert.equal(refund.status, RefundStatus.Pending)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 0)
    // Pending money is not refundable twice.
    const refunds = await refundService()
    assert.equal(await refunds.refundable(payment), 27_500)
    const page = await client.get(`/admin/orders/${payment.orderId}`).loginAs(admin)
    assert.include(page.text(), 'data-test="retry-refund"')

    for (let attempt = 0; attempt < 2; attempt++) {
      const retry = await client
        .post(`/admin/refunds/${refund.id}/retry`)
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)
      retry.assertHeader('location', `/admin/orders/${payment.orderId}`)
    }
    await Promise.all([refund.refresh(), payment.refresh()])
    assert.equal(refund.status, RefundStatus.Succeeded)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 1)
    assert.equal(payment.refundedAmount, 3000)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.refunded'), 1)
  })

  test('a refund the provider took as pending is not asked again', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { payment } = await cardPaidOrder(stripe)
    stripe.failNext(1)
    await postRefund(client, admin, payment.id, { amount: '3000', reason: '처리 중 환불' })
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    // As if Stripe had answered `pending` with its refund id (it settles by webhook later).
    refund.providerRefundReference = 're_pending_at_stripe'
    await refund.save()

    const page = await client.get(`/admin/orders/${payment.orderId}`).loginAs(admin)
    assert.notInclude(page.text(), 'data-test="retry-refund"')
    const retry = await client
      .post(`/admin/refunds/${refund.id}/retry`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    retry.assertFlashMessage(
      'error',
      '결제사가 이 환불을 접수했고 확인을 기다리는 중입니다. 다시 요청하지 마세요.'
    )
    await refund.refresh()
    assert.equal(refund.status, RefundStatus.Pending)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 0)
  })

  test('Stripe refunded but we died before recording it: the retry refunds once', async ({
    assert,
  }) => {
    const { payment } = await cardPaidOrder(stripe)
    const refunds = await refundService()
    stripe.failNext(1)
    await assert.rejects(() =>
      refunds.refund(payment, { amount: 4000, reason: '부분 환불' }, SYSTEM_ACTOR)
    )
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    // Our call reached Stripe with the row's key, then the process died before recording it.
    const manager = await app.container.make(PaymentManager)
    await manager.use('stripe').refund({
      attemptId: payment.attemptId,
      idempotencyKey: refund.idempotencyKey,
      providerReference: payment.providerReference!,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
    })
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 1)

    await refunds.retry(refund, SYSTEM_ACTOR)

    await Promise.all([refund.refresh(), payment.refresh()])
    assert.equal(refund.status, RefundStatus.Succeeded)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 1)
    assert.equal(payment.refundedAmount, 4000)
  })

  test('two admins refunding at once cannot refund more than was captured', async ({ assert }) => {
    const { payment } = await cardPaidOrder(stripe)
    const refunds = await refundService()
    const [alice, bob] = await UserFactory.apply('admin').createMany(2)

    const results = await Promise.allSettled(
      [alice, bob].map(async (admin) =>
        refunds.refund(
          await Payment.findOrFail(payment.id),
          { amount: 20_000, reason: '동시 환불' },
          actorFor(admin)
        )
      )
    )

    const refused = results.filter((result) => result.status === 'rejected')
    assert.lengthOf(refused, 1)
    const error = (refused[0] as PromiseRejectedResult).reason
    assert.instanceOf(error, RefundRefusedException)
    assert.equal(error.refusal, 'too_large')
    assert.equal(error.refundable, 10_500)
    await payment.refresh()
    assert.equal(payment.refundedAmount, 20_000)
    assert.lengthOf(await PaymentRefund.all(), 1)
    assert.lengthOf(refundsAt(stripe, payment.providerReference!), 1)
  })
})
