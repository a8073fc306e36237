import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import SendMail, { type QueuedMail } from '#jobs/notifications/send_mail'
import AuditEvent from '#models/audit_event'
import PaymentRefund from '#models/payment_refund'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { useLocalStripe } from '#tests/helpers/payments'
import { cardPaidOrder, heldForReview, postRefund, refundsAt } from './payment_helpers.js'
import { withParticle } from '#formatting/korean_particles'

const stripe = await startStripeServer()

/*
 * Payments whose confirmed amount differs from the order's, from the admin's
 * side: the alert, the notice, accepting and refunding. Against the local
 * Stripe, committed for real, so tables are truncated.
 */
test.group('Back office | payments held for review', (group) => {
  let queue: ReturnType<typeof QueueManager.fake>
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    queue = QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('alerts every admin by mail, in their language, and no one else', async ({ assert }) => {
    const korean = await UserFactory.apply('admin')
      .merge({ email: 'ko-admin@example.com' })
      .create()
    const english = await UserFactory.apply('admin')
      .merge({ email: 'en-admin@example.com', locale: 'en' })
      .create()
    await UserFactory.apply('staff').merge({ email: 'staff@example.com' }).create()
    const { order } = await heldForReview(stripe, 15_000)

    queue.assertPushed(SendMail)
    const mails = queue
      .getPushedJobs()
      .filter((pushed) => pushed.job.name === 'SendMail')
      .map((pushed) => (pushed.job.payload as QueuedMail).mail.message)
    assert.lengthOf(mails, 2)
    const to = (email: string) =>
      mails.find((message) => JSON.stringify(message.to).includes(email))!
    assert.equal(to(korean.email).subject, `[Jangteo] 검토가 필요한 결제: 주문 ${order.number}`)
    assert.include(String(to(korean.email).text), '결제사 확인 금액: ₩15,000')
    assert.include(String(to(korean.email).text), '주문 금액: ₩23,000')
    assert.include(String(to(korean.email).text), `/admin/orders/${order.id}`)
    // The payment method by its name in the admin's language, not its code.
    assert.include(String(to(korean.email).text), '결제(신용카드 (Stripe))가')
    assert.include(String(to(english.email).text), 'Card (Stripe)')
    assert.equal(
      to(english.email).subject,
      `[Jangteo] Payment held for review: order ${order.number}`
    )
    assert.include(String(to(english.email).text), 'Confirmed by the provider: ₩15,000')
    assert.isUndefined(mails.find((message) => JSON.stringify(message.to).includes('staff@')))
  })

  test('the order page shows what was confirmed against the order, the dashboard counts it', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment } = await heldForReview(stripe, 15_000)
    await cardPaidOrder(stripe)

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    const html = page.text()
    assert.include(html, 'data-test="payment-review"')
    assert.include(html, '검토 보류: 결제사는 ₩15,000을 확인했지만 주문 금액은 ₩23,000입니다.')
    assert.include(html, 'amount_mismatch: The provider confirmed 15000 KRW, expected 23000 KRW')
    assert.include(html, 'data-test="accept-review"')
    assert.include(html, '₩15,000 전액 환불')

    const dashboard = await client.get('/admin').loginAs(admin)
    const board = dashboard.text()
    assert.match(board, /data-test="review-count">1</)
    assert.include(board, `data-payment="${payment.id}"`)
    assert.include(board, `href="/admin/orders/${order.id}"`)
  })

  test('accepting the payment marks the order paid, once', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment } = await heldForReview(stripe, 22_000)

    const accept = () =>
      client
        .post(`/admin/payments/${payment.id}/accept`)
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)
    const first = await accept()
    first.assertFlashMessage(
      'success',
      `결제를 승인했습니다. 주문 ${withParticle(order.number, '이(가)')} 결제 완료되었습니다.`
    )
    const second = await accept()
    second.assertFlashMessage('error', '검토 보류 중인 결제가 아닙니다.')

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, 22_000)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.accepted'), 1)
    const event = await AuditEvent.findByOrFail('action', 'payment.accepted')
    assert.equal(event.actorId, admin.id)
  })

  test('refunding it in full gives the money back and leaves the order unpaid', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment } = await heldForReview(stripe, 15_000)

    const response = await client
      .post(`/admin/payments/${payment.id}/refunds`)
      .form({ amount: '15000', reason: '금액 불일치로 전액 환불', form: `refund-${payment.id}` })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(payment.refundedAmount, 15_000)
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.deepEqual(
      refundsAt(stripe, payment.providerReference!).map((refund) => refund.amount),
      [15_000]
    )
    const refund = await PaymentRefund.findByOrFail('paymentId', payment.id)
    assert.equal(refund.reason, '금액 불일치로 전액 환불')
    response.assertFlashMessage('success', `₩15,000을 환불했습니다 (환불 #${refund.id}).`)

    const accept = await client
      .post(`/admin/payments/${payment.id}/accept`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    accept.assertFlashMessage('error', '검토 보류 중인 결제가 아닙니다.')
    await order.refresh()
    assert.equal(order.status, OrderStatus.PendingPayment)
  })

  test('money in another currency cannot be accepted, only refunded in that currency', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment } = await heldForReview(stripe, 1750, 'usd')
    assert.equal(payment.failureCode, 'currency_mismatch')

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    assert.notInclude(page.text(), 'data-test="accept-review"')
    assert.include(page.text(), '$17.50 전액 환불')
    const accept = await client
      .post(`/admin/payments/${payment.id}/accept`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    accept.assertFlashMessage(
      'error',
      '이 결제는 주문과 통화가 달라 승인할 수 없습니다. 환불하세요.'
    )

    await postRefund(client, admin, payment.id, { amount: '17.50', reason: '통화 불일치 환불' })
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(order.status, OrderStatus.PendingPayment)
    const [made] = refundsAt(stripe, payment.providerReference!)
    assert.equal(made.amount, 1750)
    assert.equal(made.currency, 'usd')
  })

  test('nothing is held, nothing is counted: a paid order shows no review notice', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order } = await cardPaidOrder(stripe)
    queue.assertNotPushed(SendMail)
    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    assert.notInclude(page.text(), 'data-test="payment-review"')
    const dashboard = await client.get('/admin').loginAs(admin)
    assert.notInclude(dashboard.text(), 'data-test="payments-in-review"')
  })
})
