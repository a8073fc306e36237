import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient } from '@japa/api-client'
import Payment from '#models/payment'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import type User from '#models/user'
import { UserFactory } from '#database/factories/index'
import { actorFor } from '#audit/actor'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { deliverStripeEvent, useLocalStripe } from '#tests/helpers/payments'
import { countQueries } from '#tests/helpers/queries'
import { cardPaidOrder, refundService } from './payment_helpers.js'

const stripe = await startStripeServer()

/** Stripe tells us the PaymentIntent succeeded, with a real signature. */
function deliverSucceeded(client: ApiClient, intentId: string) {
  return deliverStripeEvent(client, stripe.signedEvent('payment_intent.succeeded', intentId))
}

/** The order page's block for one payment attempt. */
function attemptBlock(html: string, paymentId: number) {
  const start = html.indexOf(`data-test="payment" data-payment="${paymentId}"`)
  return html.slice(start, html.indexOf('</section>', html.indexOf('data-test="refund', start)))
}

/** A refund of `amount` by `admin`; a refusal by the provider is kept as a failed row. */
async function refund(paymentId: number, admin: User, amount: number, sellerOrderId?: number) {
  const refunds = await refundService()
  const payment = await Payment.findOrFail(paymentId)
  await refunds
    .refund(payment, { amount, reason: `환불 ${amount}`, sellerOrderId }, actorFor(admin))
    .catch(() => null)
}

/*
 * The payment timeline on the order page, against the local Stripe; the
 * provider keeps state between requests, so tables are truncated.
 */
test.group('Back office | payment timeline', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('shows each attempt with its events, webhook deliveries and refunds', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').merge({ fullName: '관리자 김' }).create()
    const { order, payment, sellerB } = await cardPaidOrder(stripe)
    const delivered = await deliverSucceeded(client, payment.providerReference!)
    delivered.assertStatus(200)
    await refund(payment.id, admin, 7500, sellerB.id)
    // Refunded in Stripe's dashboard meanwhile: the next refund is declined.
    const intent = stripe.state.intents.get(payment.providerReference!)!
    stripe.state.charges.get(intent.latest_charge)!.amount_refunded = 30_000
    await refund(payment.id, admin, 1000)

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    page.assertStatus(200)
    const block = attemptBlock(page.text(), payment.id)
    assert.include(block, `결제 시도 #${payment.id}`)
    assert.include(block, '신용카드 (Stripe)')
    assert.include(block, '부분 환불')
    assert.include(block, payment.providerReference!)
    assert.include(block, 'visa · •••• 4242')
    for (const action of [
      'payment.initiated',
      'payment.captured',
      'refund.requested',
      'payment.refunded',
      'refund.failed',
    ]) {
      assert.include(block, `data-test="payment-event" data-action="${action}"`, action)
    }
    const [delivery] = await PaymentWebhookEvent.query().where('paymentId', payment.id)
    assert.include(block, `data-test="webhook-delivery" data-event="${delivery.eventId}"`)
    assert.equal(delivery.type, 'payment.captured')
    assert.include(block, '<code>payment.captured</code>')
    assert.include(block, `<td>${delivery.outcome}</td>`)
    assert.include(block, '₩7,500')
    assert.include(block, '환불 7500')
    assert.include(block, `관리자 김 (admin #${admin.id})`)
    assert.match(block, /data-status="succeeded"/)
    assert.match(block, /data-status="failed"/)
    assert.include(block, 'amount_too_large: Refund amount (1000) is greater')
  })

  test('offers a refund form per seller order, defaulting to what is left of its share', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { order, payment, sellerA, sellerB } = await cardPaidOrder(stripe)
    await refund(payment.id, admin, 2500, sellerB.id)

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    const html = page.text()
    assert.include(html, `data-form="refund-${payment.id}"`)
    const share = (id: number) => html.slice(html.indexOf(`data-form="refund-${payment.id}-${id}"`))
    assert.match(share(sellerA.id), /^[^]*?name="sellerOrderId" value="\d+"[^]*?value="23000"/)
    assert.match(share(sellerB.id), /^[^]*?value="5000"/)
  })

  test('costs the same number of queries with more attempts, deliveries and refunds', async ({
    client,
    assert,
  }) => {
    const [alice, bob] = await UserFactory.apply('admin').createMany(2)
    const small = await cardPaidOrder(stripe)
    await refund(small.payment.id, alice, 1000)

    const large = await cardPaidOrder(stripe)
    // An earlier attempt of the same order that was called off.
    await Payment.create({
      attemptId: randomUUID(),
      orderId: large.order.id,
      adapter: 'bank_transfer',
      status: PaymentStatus.Canceled,
      currency: 'KRW',
      amount: large.order.grandTotal,
      capturedAmount: 0,
      refundedAmount: 0,
    })
    await deliverSucceeded(client, large.payment.providerReference!)
    await refund(large.payment.id, alice, 1000)
    await refund(large.payment.id, bob, 2000, large.sellerA.id)
    await refund(large.payment.id, bob, 3000, large.sellerB.id)

    const first = await countQueries(() =>
      client.get(`/admin/orders/${small.order.id}`).loginAs(alice)
    )
    const second = await countQueries(() =>
      client.get(`/admin/orders/${large.order.id}`).loginAs(alice)
    )
    assert.isAbove(first, 0)
    assert.equal(second, first)
    assert.isAtMost(first, 20)
  })

  test("the order's own customer and its sellers get 403", async ({ client }) => {
    const customer = await UserFactory.create()
    const { order, sellerA } = await cardPaidOrder(stripe, { user: customer })
    const { default: SellerMember } = await import('#models/seller_member')
    const member = await SellerMember.query()
      .where('sellerId', sellerA.sellerId)
      .preload('user')
      .firstOrFail()
    for (const user of [customer, member.user]) {
      const page = await client.get(`/admin/orders/${order.id}`).loginAs(user)
      page.assertStatus(403)
    }
    const guest = await client.get(`/admin/orders/${order.id}`).redirects(0)
    guest.assertHeader('location', '/login')
  })
})
