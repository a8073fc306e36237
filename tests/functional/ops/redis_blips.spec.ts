import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { Redis } from 'ioredis'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { createListing } from '#tests/helpers/commerce'
import { backdateExpiry, placeOrder, statusOf } from '#tests/functional/orders/helpers'
import { freePort, type RunningProcess } from '#tests/helpers/processes'
import { SCHEDULES } from '#jobs/schedules'
import { PREFIX, startWeb, startWorker } from '#tests/helpers/production_processes'
import { PrivateRedis } from '#tests/helpers/redis'

const EXPIRY_SCHEDULE = 'schedules::orders:expire-unpaid'

/** Polls `probe` every 250 ms until it holds; fails after `timeoutMs`. */
async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** An unpaid order past its payment deadline, waiting for the expiry job. */
async function overdueOrder() {
  const { variant } = await createListing({ stock: 5 })
  QueueManager.fake()
  const { order } = await placeOrder([{ variant, quantity: 1 }])
  QueueManager.restore()
  await backdateExpiry(order.id)
  return order
}

/*
 * Real processes on a real Redis that is killed and restarted empty: they
 * share the suite's database, so these tests commit and clean up.
 */
test.group('Operations | surviving a Redis restart', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('work resumes after Redis restarts empty, with no process restarted', async ({
    assert,
    cleanup,
  }) => {
    const redis = await PrivateRedis.start()
    cleanup(() => redis.stop())
    const client = new Redis({ port: redis.port, db: 2, keyPrefix: PREFIX, lazyConnect: true })
    client.on('error', () => {})
    cleanup(() => client.disconnect())
    const web = await startWeb(redis.port)
    cleanup(() => web.process.stop())
    const workers: RunningProcess[] = []
    for (let i = 0; i < 2; i++) {
      const worker = await startWorker(redis.port)
      cleanup(() => worker.stop())
      workers.push(worker)
    }
    const status = async (path: string) => {
      const response = await fetch(web.url + path)
      return response.status
    }

    // Before: the schedule is registered once, fires, and the probes set no cookie.
    await eventually(
      'the expiry schedule',
      async () => (await client.exists(EXPIRY_SCHEDULE)) === 1
    )
    // Every schedule the app defines (app/jobs/schedules.ts) is there, and comes back after.
    const scheduleIds = Object.keys(SCHEDULES)
    assert.sameMembers(await client.smembers('schedules::index'), scheduleIds)
    const first = await overdueOrder()
    await client.hset(EXPIRY_SCHEDULE, 'next_run_at', String(Date.now() - 1000))
    await eventually(
      'the first order expired',
      async () => (await statusOf(first)) === OrderStatus.Canceled
    )
    for (const path of ['/health/live', '/health/ready']) {
      const response = await fetch(web.url + path)
      assert.equal(response.status, 200, path)
      assert.isNull(response.headers.get('set-cookie'), path)
    }
    const sessionKeys = async () => {
      const keys = await client.keys(`${PREFIX}*`)
      return keys.filter((key) => /^blip:[\w-]{36}$/.test(key))
    }
    assert.deepEqual(await sessionKeys(), [], 'probes created no session')

    // Down for 10 seconds: not ready, still alive.
    await redis.stop()
    const downSince = Date.now()
    await eventually('readiness 503', async () => (await status('/health/ready')) === 503, 10_000)
    while (Date.now() - downSince < 10_000) {
      assert.equal(await status('/health/live'), 200)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    assert.equal(await status('/health/ready'), 503)

    // Back, empty: ready again, the schedule is put back and fires once.
    await redis.start()
    await eventually('readiness 200', async () => (await status('/health/ready')) === 200)
    await eventually('the schedule back', async () => (await client.exists(EXPIRY_SCHEDULE)) === 1)
    const second = await overdueOrder()
    await client.hset(EXPIRY_SCHEDULE, 'next_run_at', String(Date.now() - 1000))
    await eventually(
      'the second order expired',
      async () => (await statusOf(second)) === OrderStatus.Canceled
    )
    assert.equal(await client.hget(EXPIRY_SCHEDULE, 'run_count'), '1')
    assert.sameMembers(await client.smembers('schedules::index'), scheduleIds)

    // Pages get their session in Redis again, under the prefix.
    const page = await fetch(web.url + '/')
    assert.equal(page.status, 200)
    assert.isNotNull(page.headers.get('set-cookie'))
    assert.lengthOf(await sessionKeys(), 1)

    assert.isTrue(
      workers.some((worker) => /had lost schedules .*orders:expire-unpaid/.test(worker.output()))
    )
    for (const worker of workers) {
      assert.equal(await Promise.race([worker.exited, Promise.resolve('running')]), 'running')
      // One line when Redis goes and one when it is back, not one per attempt.
      assert.lengthOf(worker.output().match(/Redis connection "main" lost/g) ?? [], 1)
      assert.include(worker.output(), 'Redis connection "main" is back')
      assert.notInclude(worker.output(), 'Redis connection failure')
      await eventually('the worker to see Redis back', async () =>
        worker.output().includes('the queue backend is reachable again')
      )
    }
  }).timeout(180_000)

  test('a worker exits non-zero when Redis stays down past WORKER_BACKEND_TIMEOUT', async ({
    assert,
    cleanup,
  }) => {
    const redis = await PrivateRedis.start()
    cleanup(() => redis.stop())
    const worker = await startWorker(redis.port, { WORKER_BACKEND_TIMEOUT: '3s' })
    cleanup(() => worker.stop())

    await redis.stop()
    const stoppedAt = Date.now()
    const code = await Promise.race([
      worker.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ])
    assert.equal(code, 1)
    // Counted from the last check that reached Redis, at most a quarter timeout before.
    assert.isAbove(Date.now() - stoppedAt, 2000)
    assert.match(worker.output(), /unreachable for \d+ ms \(WORKER_BACKEND_TIMEOUT\): exiting/)
  }).timeout(60_000)

  test('with Redis down at start, the web process is alive but not ready', async ({
    assert,
    cleanup,
  }) => {
    const web = await startWeb(await freePort())
    cleanup(() => web.process.stop())

    const live = await fetch(web.url + '/health/live')
    assert.equal(live.status, 200)
    assert.isNull(live.headers.get('set-cookie'))
    const ready = await fetch(web.url + '/health/ready')
    assert.equal(ready.status, 503)
    const report = (await ready.json()) as { checks: { name: string; status: string }[] }
    const checks = report.checks.map(
      (check: { name: string; status: string }) => `${check.name.split(' ')[0]}:${check.status}`
    )
    assert.sameMembers(
      checks,
      ['Database:ok', 'Queue:error', 'Session:error', 'Media:ok'],
      checks.join()
    )
  }).timeout(60_000)
})
