import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import Payment from '#models/payment'
import AuditEvent from '#models/audit_event'
import { OrderService } from '#services/orders/order_service'
import { PaymentService } from '#services/payments/payment_service'
import { OrderStatus, StockState } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { SYSTEM_ACTOR } from '#audit/actor'
import { verifyAuditChain } from '#audit/chain_verifier'
import { createListing, stockOf } from '#tests/helpers/commerce'
import {
  backdateExpiry,
  placeOrder,
  placePaidOrder,
  statusOf,
} from '#tests/functional/orders/helpers'

/** How many audit entries with `action` each order id has. */
async function entriesPerOrder(action: string) {
  const rows = await AuditEvent.query().where('action', action)
  const counts: Record<string, number> = {}
  for (const row of rows) counts[row.subjectId!] = (counts[row.subjectId!] ?? 0) + 1
  return counts
}

/** What `node ace orders:expire` last reported it expired (raw-mode logs accumulate). */
function expiredBy(command: { logger: { getLogs(): { message: string }[] } }) {
  const line = command.logger.getLogs().findLast((log) => /Expired \d+/.test(log.message))
  return Number(line?.message.match(/Expired (\d+)/)?.[1] ?? Number.NaN)
}

/*
 * These tests commit for real and run the expiry job concurrently with
 * itself, the console command and payments, so they truncate the tables
 * instead of rolling back a transaction.
 */
test.group('Orders | expiring unpaid orders happens exactly once', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    ace.ui.switchMode('raw')
    return () => {
      QueueManager.restore()
      ace.ui.switchMode('normal')
    }
  })

  test('three parallel runs and the console command expire each overdue order once', async ({
    assert,
  }) => {
    const first = await createListing({ stock: 10 })
    const second = await createListing({ stock: 6 })
    const overdue = [
      await placeOrder([{ variant: first.variant, quantity: 2 }]),
      await placeOrder([
        { variant: first.variant, quantity: 1 },
        { variant: second.variant, quantity: 2 },
      ]),
      await placeOrder([{ variant: second.variant, quantity: 1 }]),
      await placeOrder([{ variant: first.variant, quantity: 3 }]),
    ]
    const waiting = await placeOrder([{ variant: first.variant, quantity: 1 }])
    for (const { order } of overdue) await backdateExpiry(order.id)
    assert.equal(await stockOf(first.variant.id), 3)
    assert.equal(await stockOf(second.variant.id), 3)

    const orders = await app.container.make(OrderService)
    const [a, b, c, command] = await Promise.all([
      orders.expireDue(),
      orders.expireDue(),
      orders.expireDue(),
      ace.exec('orders:expire', []),
    ])
    command.assertSucceeded()

    assert.equal(a + b + c + expiredBy(command), overdue.length, 'each order expired once')
    for (const { order, payment } of overdue) {
      await order.refresh()
      assert.equal(order.status, OrderStatus.Canceled)
      assert.equal(order.stockState, StockState.Released)
      assert.equal(order.cancelReason, 'expired')
      assert.equal(await statusOf(payment), PaymentStatus.Canceled)
    }
    assert.equal(await statusOf(waiting.order), OrderStatus.PendingPayment)
    // Stock back exactly once: only the order still waiting holds any.
    assert.equal(await stockOf(first.variant.id), 9)
    assert.equal(await stockOf(second.variant.id), 6)

    const expired = await entriesPerOrder('order.expired')
    assert.deepEqual(expired, Object.fromEntries(overdue.map(({ order }) => [String(order.id), 1])))
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.canceled'), overdue.length)
    const chain = await verifyAuditChain()
    assert.isTrue(chain.ok, 'the audit chain stays intact')

    const again = await ace.exec('orders:expire', [])
    assert.equal(expiredBy(again), 0)
  }).timeout(60_000)

  test('a payment racing the expiry either pays or expires the order, never both', async ({
    assert,
  }) => {
    const { variant } = await createListing({ stock: 20 })
    const placed = []
    for (let n = 0; n < 6; n++) placed.push(await placeOrder([{ variant, quantity: 2 }]))
    for (const { order } of placed) await backdateExpiry(order.id)
    assert.equal(await stockOf(variant.id), 8)

    const orders = await app.container.make(OrderService)
    const payments = await app.container.make(PaymentService)
    const outcomes = await Promise.allSettled([
      orders.expireDue(),
      ...placed.map(({ payment }) => payments.capture(payment, SYSTEM_ACTOR)),
      orders.expireDue(),
    ])
    assert.deepEqual(
      outcomes.filter((outcome) => outcome.status === 'rejected'),
      [],
      'nothing failed'
    )

    const paidEvents = await entriesPerOrder('order.paid')
    const expiredEvents = await entriesPerOrder('order.expired')
    let sold = 0
    for (const { order } of placed) {
      await order.refresh()
      const payment = await Payment.findByOrFail('orderId', order.id)
      const id = String(order.id)
      if (order.status === OrderStatus.Paid) {
        sold += 2
        assert.equal(order.stockState, StockState.Sold)
        assert.equal(payment.status, PaymentStatus.Captured)
        assert.equal(paidEvents[id], 1)
        assert.isUndefined(expiredEvents[id])
      } else {
        assert.equal(order.status, OrderStatus.Canceled)
        assert.equal(order.stockState, StockState.Released)
        // Money that arrived after the expiry went straight back.
        assert.include([PaymentStatus.Canceled, PaymentStatus.Refunded], payment.status)
        assert.equal(payment.capturedAmount, payment.refundedAmount)
        assert.equal(expiredEvents[id], 1)
        assert.isUndefined(paidEvents[id])
      }
    }
    assert.equal(await stockOf(variant.id), 20 - sold)
  }).timeout(60_000)

  test('a paid order is never expired', async ({ assert }) => {
    const { variant } = await createListing({ stock: 5 })
    const { order } = await placePaidOrder([{ variant, quantity: 2 }])
    assert.isNull(order.expiresAt)
    await backdateExpiry(order.id, 60)

    const orders = await app.container.make(OrderService)
    const results = await Promise.all([orders.expireDue(), orders.expireDue()])

    assert.deepEqual(results, [0, 0])
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(order.stockState, StockState.Sold)
    assert.equal(await stockOf(variant.id), 3)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.expired'), 0)
  })

  test('an order inside its payment window is left alone', async ({ assert }) => {
    const { variant } = await createListing({ stock: 5 })
    const { order } = await placeOrder([{ variant }])

    const orders = await app.container.make(OrderService)
    assert.equal(await orders.expireDue(), 0)
    assert.equal(await statusOf(order), OrderStatus.PendingPayment)
    assert.equal(await stockOf(variant.id), 4)
    assert.lengthOf(await Order.query().where('status', OrderStatus.Canceled), 0)
  })
})
