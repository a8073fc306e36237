import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import type Order from '#models/order'
import AutoConfirmPurchases from '#jobs/orders/auto_confirm_purchases'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { createListing } from '#tests/helpers/commerce'
import {
  backdateShipment,
  placePaidOrder,
  shipBackdated,
  statusOf,
} from '#tests/functional/orders/helpers'

/** A paid order from `sellers` different sellers, with its seller orders loaded. */
async function paidOrderFrom(sellers = 1): Promise<Order> {
  const lines = []
  for (let n = 0; n < sellers; n++) {
    const { variant } = await createListing()
    lines.push({ variant })
  }
  const { order } = await placePaidOrder(lines)
  await order.load('sellerOrders')
  return order
}

async function autoConfirm() {
  const fulfillment = await app.container.make(FulfillmentService)
  return fulfillment.autoConfirmDue()
}

test.group('Orders | automatic purchase confirmation (구매확정)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    ace.ui.switchMode('raw')
    return () => {
      QueueManager.restore()
      ace.ui.switchMode('normal')
    }
  })

  test('confirms a parcel delivered 8 days ago but not one delivered 6 days ago', async ({
    assert,
  }) => {
    const late = await paidOrderFrom()
    const recent = await paidOrderFrom()
    await shipBackdated(late.sellerOrders[0], { shippedDaysAgo: 10, deliveredDaysAgo: 8 })
    await shipBackdated(recent.sellerOrders[0], { shippedDaysAgo: 7, deliveredDaysAgo: 6 })

    assert.equal(await autoConfirm(), 1)

    const confirmed = await late.sellerOrders[0].refresh()
    assert.equal(confirmed.status, SellerOrderStatus.PurchaseConfirmed)
    assert.isNotNull(confirmed.confirmedAt)
    assert.equal(await statusOf(late), OrderStatus.Completed)
    assert.equal(await statusOf(recent.sellerOrders[0]), SellerOrderStatus.Delivered)
    assert.equal(await statusOf(recent), OrderStatus.Fulfilled)

    const event = await AuditEvent.findByOrFail('action', 'seller_order.purchase_confirmed')
    assert.equal(event.subjectId, String(confirmed.id))
    assert.equal(event.actorRole, 'system')
  })

  test('confirms a parcel shipped 15 days ago that was never marked delivered', async ({
    assert,
  }) => {
    const forgotten = await paidOrderFrom()
    const underway = await paidOrderFrom()
    await shipBackdated(forgotten.sellerOrders[0], { shippedDaysAgo: 15 })
    await shipBackdated(underway.sellerOrders[0], { shippedDaysAgo: 13 })

    assert.equal(await autoConfirm(), 1)

    assert.equal(await statusOf(forgotten.sellerOrders[0]), SellerOrderStatus.PurchaseConfirmed)
    assert.equal(await statusOf(forgotten), OrderStatus.Completed)
    assert.equal(await statusOf(underway.sellerOrders[0]), SellerOrderStatus.Shipped)
  })

  test('completes the order only once every seller order is confirmed', async ({ assert }) => {
    const order = await paidOrderFrom(2)
    const [first, second] = order.sellerOrders
    await shipBackdated(first, { shippedDaysAgo: 10, deliveredDaysAgo: 8 })
    await shipBackdated(second, { shippedDaysAgo: 3, deliveredDaysAgo: 2 })

    assert.equal(await autoConfirm(), 1)
    assert.equal(await statusOf(first), SellerOrderStatus.PurchaseConfirmed)
    assert.equal(await statusOf(order), OrderStatus.Fulfilled)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.completed'), 0)

    await backdateShipment(second, { shippedDaysAgo: 12, deliveredDaysAgo: 9 })
    assert.equal(await autoConfirm(), 1)
    assert.equal(await statusOf(second), SellerOrderStatus.PurchaseConfirmed)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Completed)
    assert.isNotNull(order.completedAt)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.completed'), 1)
  })

  test('the scheduled job and the console command confirm what is due', async ({ assert }) => {
    const byJob = await paidOrderFrom()
    const byCommand = await paidOrderFrom()
    await shipBackdated(byJob.sellerOrders[0], { shippedDaysAgo: 9, deliveredDaysAgo: 8 })

    const job = await app.container.make(AutoConfirmPurchases)
    await job.execute()
    assert.equal(await statusOf(byJob), OrderStatus.Completed)

    await shipBackdated(byCommand.sellerOrders[0], { shippedDaysAgo: 20 })
    const command = await ace.exec('orders:auto-confirm', [])
    command.assertSucceeded()
    command.assertLogMatches(/Confirmed 1 purchase/)
    assert.equal(await statusOf(byCommand), OrderStatus.Completed)
  })
})
