import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Payment from '#models/payment'
import AuditEvent from '#models/audit_event'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderStatus, StockState } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { PaymentService } from '#services/payments/payment_service'
import { placedOrder } from '#tests/helpers/shop'
import { stockOf } from '#tests/helpers/commerce'

const APPROVED = { cardNumber: '4242424242424242', expiry: '12/34', cvc: '123' }
const DECLINED = { cardNumber: '4000000000000002', expiry: '12/34', cvc: '123' }

/*
 * These tests commit for real and run the same step several times at once,
 * so they truncate the tables instead of rolling back a transaction.
 */
test.group('Concurrency | payments happen once', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the same card confirmation submitted three times at once pays the order once', async ({
    assert,
  }) => {
    const { order, payment } = await placedOrder({ paymentMethod: 'test_card' })
    const payments = await app.container.make(PaymentService)

    const results = await Promise.allSettled(
      [1, 2, 3].map(async () => {
        const attempt = await Payment.findOrFail(payment.id)
        return payments.confirm(attempt, APPROVED, SYSTEM_ACTOR)
      })
    )

    assert.isAtLeast(results.filter((result) => result.status === 'fulfilled').length, 1)
    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(order.stockState, StockState.Sold)
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, order.grandTotal)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
  })

  test('"pay again" clicked three times at once opens one new attempt', async ({ assert }) => {
    const { order, payment, variant } = await placedOrder({ paymentMethod: 'test_card' })
    const payments = await app.container.make(PaymentService)
    await payments.confirm(payment, DECLINED, SYSTEM_ACTOR)

    const results = await Promise.allSettled(
      [1, 2, 3].map(() => payments.retryPayment(order, 'test_card', SYSTEM_ACTOR))
    )

    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1)
    const attempts = await Payment.query().where('orderId', order.id).orderBy('id')
    assert.deepEqual(
      attempts.map((attempt) => attempt.status),
      [PaymentStatus.Failed, PaymentStatus.Pending]
    )
    assert.equal(await stockOf(variant.id), 3, 'the reservation is untouched')
  })
})
