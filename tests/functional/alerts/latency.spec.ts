import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { QueuedAlert } from '#jobs/alerts/send_alert'
import { LatencyMonitor, watchLatency } from '#notifiers/alerts/triggers/latency_monitor'
import { alertsToLocalSlack } from '#tests/helpers/alerts'

const THRESHOLDS = { p95Ms: 100, eventLoopLagMs: 60, forMinutes: 2 }

/** The alerts queued on the fake queue, by kind. */
function queuedKinds(queue: ReturnType<typeof QueueManager.fake>) {
  return queue
    .getPushedJobs()
    .filter((pushed) => pushed.job.name === 'SendAlert')
    .map((pushed) => (pushed.job.payload as QueuedAlert).alert)
}

/** Blocks the event loop `times` times for `ms`, letting timers run in between. */
async function blockLoop(times: number, ms: number) {
  for (let round = 0; round < times; round++) {
    const until = Date.now() + ms
    while (Date.now() < until) {}
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

test.group('Alerts | slow requests and event-loop lag', (group) => {
  alertsToLocalSlack(group)
  group.each.setup(() => testUtils.db().truncate())
  let queue: ReturnType<typeof QueueManager.fake>
  group.each.setup(() => {
    queue = QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('p95 over the threshold for N periods in a row alerts; a fast period starts over', async ({
    assert,
  }) => {
    const monitor = new LatencyMonitor(THRESHOLDS)
    const period = (slowMs: number) => {
      for (let request = 0; request < 20; request++) monitor.record(request < 18 ? 20 : slowMs)
      for (let request = 0; request < 2; request++) monitor.record(slowMs)
      return monitor.closePeriod()
    }
    await period(500)
    await period(30)
    await period(500)
    assert.isEmpty(queuedKinds(queue), 'never two slow periods in a row')
    await period(500)

    const [alert] = queuedKinds(queue)
    assert.equal(alert.kind, 'slow_requests')
    assert.deepEqual(alert.params, { p95: 500, threshold: 100, minutes: 2, requests: 22 })
  })

  test('a handful of requests says nothing about p95', async ({ assert }) => {
    const monitor = new LatencyMonitor(THRESHOLDS)
    for (let period = 0; period < 3; period++) {
      monitor.record(5000)
      await monitor.closePeriod()
    }
    assert.isEmpty(queuedKinds(queue))
  })

  test('a blocked event loop for N periods alerts', async ({ assert }) => {
    const monitor = new LatencyMonitor(THRESHOLDS)
    monitor.start(3_600_000)
    try {
      await blockLoop(6, 150)
      await monitor.closePeriod()
      assert.isEmpty(queuedKinds(queue))
      await blockLoop(6, 150)
      await monitor.closePeriod()
    } finally {
      monitor.stop()
    }
    const [alert] = queuedKinds(queue)
    assert.equal(alert.kind, 'event_loop_lag')
    assert.isAbove(Number(alert.params.lag), 60)
  })

  test('requests the HTTP server completes are timed', async ({ client, assert }) => {
    const monitor = await watchLatency(app, THRESHOLDS, 3_600_000)
    try {
      await client.get('/health/live')
      await client.get('/no-such-page')
      assert.equal(monitor.pending, 2)
    } finally {
      monitor.stop()
    }
    await client.get('/health/live')
    assert.equal(monitor.pending, 2, 'a stopped monitor hears nothing')
  })
})
