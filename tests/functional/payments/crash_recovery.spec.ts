import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import PaymentRefund from '#models/payment_refund'
import { PaymentProviderUnavailableException } from '#payments/errors'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderService } from '#services/orders/order_service'
import { PaymentService } from '#services/payments/payment_service'
import { RefundService } from '#services/payments/refund_service'
import { applyPaymentAction } from '#services/payments/payment_transitions'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { backdateExpiry } from '#tests/functional/orders/helpers'
import { deliverStripeEvent, useLocalStripe } from '#tests/helpers/payments'
import { placedOrder } from '#tests/helpers/shop'

const stripe = await startStripeServer()

/**
 * Paid at Stripe, and the capture recorded, but the process died before the
 * order was marked paid: the state a crash between the two leaves behind.
 */
async function capturedButOrderUnpaid() {
  const placed = await placedOrder({ paymentMethod: 'stripe' })
  const { payment } = placed
  await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
  await applyPaymentAction(payment, 'capture', SYSTEM_ACTOR, { captured_amount: payment.amount })
  return placed
}

/*
 * What a crash in the middle leaves behind is finished by whatever comes
 * next (a webhook delivery, the expiry job, the admin's cancel), once.
 */
test.group('Payments | recovering from a crash in the middle', (group) => {
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('captured but the order not marked paid: the next delivery marks it paid, once', async ({
    client,
    assert,
  }) => {
    const { order, payment } = await capturedButOrderUnpaid()
    await order.refresh()
    assert.equal(order.status, OrderStatus.PendingPayment)

    const event = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)
    const again = stripe.signedEvent('payment_intent.succeeded', payment.providerReference!)
    await Promise.all([deliverStripeEvent(client, event), deliverStripeEvent(client, again)])

    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
    assert.lengthOf(await PaymentRefund.all(), 0)
  })

  test('captured but the order not marked paid, then it expires: the money goes back', async ({
    assert,
  }) => {
    const { order, payment } = await capturedButOrderUnpaid()
    await backdateExpiry(order.id)

    const orders = await app.container.make(OrderService)
    await Promise.all([orders.expireDue(), orders.expireDue()])

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Canceled)
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(payment.refundedAmount, payment.capturedAmount)
    const refunds = [...stripe.state.refunds.values()].filter(
      (refund) => refund.payment_intent === payment.providerReference
    )
    assert.lengthOf(refunds, 1)
  })

  test('an order expiring while its payment went through unseen gives the money back', async ({
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    // Paid in the browser; neither the return nor the webhook has reached us.
    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
    await backdateExpiry(order.id)

    const orders = await app.container.make(OrderService)
    await orders.expireDue()

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Canceled)
    assert.equal(payment.status, PaymentStatus.Refunded)
    const intent = stripe.state.intents.get(payment.providerReference!)!
    assert.equal(intent.status, 'succeeded')
    const refunds = [...stripe.state.refunds.values()].filter(
      (refund) => refund.payment_intent === intent.id
    )
    assert.deepEqual(
      refunds.map((refund) => refund.amount),
      [payment.capturedAmount]
    )
  })

  test('cancelling a paid order sends a refund an outage left unsent first, once', async ({
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'stripe' })
    await stripe.confirmInBrowser(payment.providerReference!, 'pm_card_visa')
    const payments = await app.container.make(PaymentService)
    await payments.confirm(payment, { payment_intent: payment.providerReference! }, SYSTEM_ACTOR)
    const refunds = await app.container.make(RefundService)
    stripe.failNext()
    await assert.rejects(
      () => refunds.refund(payment, { amount: 3000, reason: 'one item broken' }, SYSTEM_ACTOR),
      PaymentProviderUnavailableException
    )

    const orders = await app.container.make(OrderService)
    await orders.refundPaid(await order.refresh(), 'customer asked', SYSTEM_ACTOR)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Refunded)
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(payment.refundedAmount, payment.capturedAmount)
    const rows = await PaymentRefund.query().orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.amount, row.status]),
      [
        [3000, RefundStatus.Succeeded],
        [payment.capturedAmount - 3000, RefundStatus.Succeeded],
      ]
    )
    const atStripe = [...stripe.state.refunds.values()].filter(
      (refund) => refund.payment_intent === payment.providerReference
    )
    assert.deepEqual(
      atStripe.map((refund) => refund.amount).sort(),
      [3000, payment.capturedAmount - 3000].sort()
    )
  })
})
