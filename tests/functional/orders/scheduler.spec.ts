import { test } from '@japa/runner'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager, Schedule } from '@adonisjs/queue'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SCHEDULES, scheduleIntervals, registerSchedules } from '#jobs/schedules'
import { createListing, stockOf } from '#tests/helpers/commerce'
import { workUntil } from '#tests/helpers/queue'
import { backdateExpiry, placeOrder, statusOf } from '#tests/functional/orders/helpers'

const IDS = Object.keys(SCHEDULES)

/** The recurring jobs' schedules on the queue adapter, by id. */
async function registered() {
  const all = await Schedule.list()
  return Object.fromEntries(
    all.filter((schedule) => IDS.includes(schedule.id)).map((schedule) => [schedule.id, schedule])
  )
}

async function removeSchedules() {
  for (const id of IDS) {
    const schedule = await Schedule.find(id)
    await schedule?.delete()
  }
}

/** Sets store.orders.<key> for one test. */
function configure(cleanup: (fn: () => void) => void, key: string, value: string) {
  const previous = config.get(`store.orders.${key}`)
  config.set(`store.orders.${key}`, value)
  cleanup(() => config.set(`store.orders.${key}`, previous))
}

/*
 * Schedules live on the real queue adapter (queue_schedules, or Redis), and
 * a real worker claims them, so these tests commit and clean up.
 */
test.group('Scheduled jobs', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(async () => {
    await removeSchedules()
    return () => removeSchedules()
  })

  test('registers the order, audit-anchor, backup and alert-check schedules under stable ids, once', async ({
    assert,
  }) => {
    const created = await registerSchedules()
    assert.deepEqual(created, {
      'orders:expire-unpaid': 'created',
      'orders:auto-confirm': 'created',
      'audit:anchor': 'created',
      'database:backup': 'created',
      'alerts:queue-backlog': 'created',
      'alerts:disk-space': 'created',
    })

    const schedules = await registered()
    assert.sameMembers(Object.keys(schedules), IDS)
    const expiry = schedules['orders:expire-unpaid']
    const confirm = schedules['orders:auto-confirm']
    assert.equal(expiry.name, 'ExpireUnpaidOrders')
    assert.equal(expiry.everyMs, 60_000)
    assert.equal(expiry.status, 'active')
    assert.equal(confirm.name, 'AutoConfirmPurchases')
    assert.equal(confirm.everyMs, 3_600_000)
    assert.isAbove(expiry.nextRunAt!.getTime(), Date.now())

    // A restart: nothing is added and the next runs are not pushed back.
    const again = await registerSchedules()
    assert.deepEqual(again, {
      'orders:expire-unpaid': 'kept',
      'orders:auto-confirm': 'kept',
      'audit:anchor': 'kept',
      'database:backup': 'kept',
      'alerts:queue-backlog': 'kept',
      'alerts:disk-space': 'kept',
    })
    const after = await registered()
    assert.lengthOf(Object.keys(after), 6)
    assert.equal(after['audit:anchor'].name, 'AnchorAuditChain')
    assert.equal(after['alerts:queue-backlog'].name, 'CheckQueueBacklog')
    assert.equal(after['alerts:queue-backlog'].everyMs, 300_000)
    assert.equal(after['alerts:disk-space'].name, 'CheckDiskSpace')
    assert.equal(after['alerts:disk-space'].everyMs, 900_000)
    assert.equal(after['audit:anchor'].everyMs, 3_600_000)
    assert.equal(after['orders:auto-confirm'].nextRunAt!.getTime(), confirm.nextRunAt!.getTime())
  })

  test('updates a schedule in place when its interval changes in config', async ({
    assert,
    cleanup,
  }) => {
    await registerSchedules()
    configure(cleanup, 'expiryCheckEvery', '5m')

    const outcome = await registerSchedules()
    assert.deepEqual(outcome, {
      'orders:expire-unpaid': 'updated',
      'orders:auto-confirm': 'kept',
      'audit:anchor': 'kept',
      'database:backup': 'kept',
      'alerts:queue-backlog': 'kept',
      'alerts:disk-space': 'kept',
    })
    const schedules = await registered()
    assert.lengthOf(Object.keys(schedules), 6)
    assert.equal(schedules['orders:expire-unpaid'].everyMs, 300_000)
  })

  test('leaves a schedule an operator paused paused across restarts', async ({ assert }) => {
    await registerSchedules()
    const paused = await Schedule.find('orders:auto-confirm')
    await paused!.pause()

    await registerSchedules()
    const after = await Schedule.find('orders:auto-confirm')
    assert.equal(after!.status, 'paused')
  })

  test('refuses an interval it cannot read, naming the setting', async ({ assert, cleanup }) => {
    configure(cleanup, 'autoConfirmCheckEvery', 'hourly')
    assert.throws(() => scheduleIntervals(), /orders\.autoConfirmCheckEvery "hourly"/)
  })

  test('a queue worker runs the expiry job once its schedule is due', async ({ assert }) => {
    const { variant } = await createListing({ stock: 5 })
    QueueManager.fake()
    const { order } = await placeOrder([{ variant, quantity: 2 }])
    QueueManager.restore()
    await backdateExpiry(order.id)

    await registerSchedules()
    await QueueManager.use().updateSchedule('orders:expire-unpaid', {
      nextRunAt: new Date(Date.now() - 1000),
    })
    await workUntil(async () => (await statusOf(order)) === OrderStatus.Canceled, {
      queues: ['default'],
      timeoutMs: 30_000,
    })

    assert.equal(await stockOf(variant.id), 5)
    const schedule = await Schedule.find('orders:expire-unpaid')
    assert.equal(schedule!.runCount, 1)
    assert.isAbove(schedule!.nextRunAt!.getTime(), Date.now())
  }).timeout(60_000)
})
