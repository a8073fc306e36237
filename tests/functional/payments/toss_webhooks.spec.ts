import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SYSTEM_ACTOR } from '#audit/actor'
import { PaymentService } from '#services/payments/payment_service'
import { TossServer } from '#tests/fixtures/servers/toss_server'
import { SHOP_URL, deliverWebhook, localToss, useLocalProviders } from '#tests/helpers/payments'
import { placedOrder } from '#tests/helpers/shop'

const SECRET_KEY = 'test_sk_webhooks_toss_0123456789'
const CLIENT_KEY = 'test_ck_webhooks_toss_0123456789'

const toss = await new TossServer(SECRET_KEY, CLIENT_KEY).start()

/** An order whose shopper paid in the Toss window; the return URL has not been seen yet. */
async function approvedInWindow() {
  const placed = await placedOrder({ paymentMethod: 'toss' })
  const next = placed.payment.nextAction
  const params = await toss.shopper(next?.type === 'redirect' ? next.url : '', 'approve')
  return { ...placed, params }
}

/**
 * Toss approved the payment (our confirm call went through) but the shop
 * died before it committed: only the webhook is left to tell it.
 */
async function confirmedAtToss() {
  const placed = await approvedInWindow()
  const payments = await app.container.make(PaymentService)
  const result = await payments.manager
    .use('toss')
    .confirm(await payments.confirmInput(placed.payment, placed.params))
  if (result.status !== 'captured') throw new Error(`Toss answered ${result.status}`)
  return placed
}

function deliver(client: ApiClient, rawBody: string) {
  return deliverWebhook(client, 'toss', rawBody)
}

/*
 * Toss PAYMENT_STATUS_CHANGED webhooks through POST /webhooks/toss against a
 * local Toss. Toss does not sign them: each delivery is checked by fetching
 * the payment. These tests commit for real and deliver in parallel, so they
 * truncate the tables instead of rolling back a transaction.
 */
test.group('Payments | Toss webhooks', (group) => {
  // Toss needs absolute successUrl and failUrl (APP_URL in production).
  useLocalProviders(group, {
    servers: [toss],
    adapters: { toss: localToss(toss) },
    appUrl: SHOP_URL,
  })
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the same event delivered three times at once pays the order once', async ({
    client,
    assert,
  }) => {
    const { order, payment, params } = await confirmedAtToss()
    const rawBody = toss.webhook(params.paymentKey)

    const responses = await Promise.all([1, 2, 3].map(() => deliver(client, rawBody)))

    assert.deepEqual(
      responses.map((response) => response.status()),
      [200, 200, 200]
    )
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, 23_000)
    assert.lengthOf(await PaymentWebhookEvent.all(), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
  })

  test('the return URL and the webhook racing capture once', async ({ client, assert }) => {
    const { order, payment, params } = await confirmedAtToss()
    const payments = await app.container.make(PaymentService)

    await Promise.all([
      deliver(client, toss.webhook(params.paymentKey)),
      payments.confirm(await Payment.findOrFail(payment.id), params, SYSTEM_ACTOR),
    ])

    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(toss.paymentFor(payment.attemptId)!.status, 'DONE')
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
  })

  test('a forged body claiming DONE for a payment Toss has not approved changes nothing', async ({
    client,
    assert,
  }) => {
    const { order, payment, params } = await approvedInWindow()
    const forged = toss.webhook(params.paymentKey, { status: 'DONE', approvedAt: 'now' })

    const response = await deliver(client, forged)

    assert.include([200, 400], response.status())
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 0)
  })

  test('a delivery about a payment Toss does not have is refused with 400', async ({
    client,
    assert,
  }) => {
    const { order, payment, params } = await confirmedAtToss()
    const unknown = toss.webhook(params.paymentKey).replaceAll(params.paymentKey, 'tgen_forged')
    const notJson = await deliver(client, '{"eventType":')

    const refused = await deliver(client, unknown)
    refused.assertStatus(400)
    notJson.assertStatus(400)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(payment.status, PaymentStatus.Pending)
    assert.lengthOf(await PaymentWebhookEvent.all(), 0)
  })
})
