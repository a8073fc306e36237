import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { raiseAlert } from '#notifiers/alerts/raise_alert'
import type { Alert } from '#notifiers/alerts/alert'
import { workUntil } from '#tests/helpers/queue'
import { alertsToLocalSlack, defaultQueueIdle } from '#tests/helpers/alerts'

function backlog(queue: string): Alert {
  return {
    kind: 'queue_backlog',
    fingerprint: `queue_backlog:${queue}`,
    severity: 'warning',
    params: { queue, pending: 1200, threshold: 1000 },
  }
}

test.group('Alerts | delivery', (group) => {
  const messenger = alertsToLocalSlack(group, () => ({ perChannelPerMinute: 2 }))
  group.each.setup(() => testUtils.db().truncate())

  test('a channel takes at most its messages per minute, all alerts together', async ({
    assert,
  }) => {
    const { slack } = messenger
    for (const queue of ['default', 'media', 'exports']) {
      assert.equal(await raiseAlert(backlog(queue)), 'queued')
    }
    await workUntil(async () => slack.accepted.length >= 2, { queues: ['default'] })
    await workUntil(defaultQueueIdle, { queues: ['default'] })
    assert.lengthOf(slack.accepted, 2)
  })

  test('a repeat within the window is counted, not queued', async ({ assert }) => {
    assert.equal(await raiseAlert(backlog('media')), 'queued')
    assert.equal(await raiseAlert(backlog('media')), 'counted')
  })

  test('a messenger that is down is retried until it takes the alert', async ({ assert }) => {
    const { slack } = messenger
    slack.failNext(503)
    await raiseAlert(backlog('media'))
    await workUntil(async () => slack.accepted.length >= 1, {
      queues: ['default'],
      timeoutMs: 90_000,
    })
    assert.lengthOf(slack.requests, 2)
  }).timeout(100_000)
})
