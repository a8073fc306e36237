import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import CheckQueueBacklog from '#jobs/alerts/check_queue_backlog'
import CheckDiskSpace, { freeSpace } from '#jobs/alerts/check_disk_space'
import SendAlert from '#jobs/alerts/send_alert'
import { workUntil } from '#tests/helpers/queue'
import { alertsToLocalSlack, defaultQueueIdle } from '#tests/helpers/alerts'

/** Jobs of the media queue that no test worker runs. */
async function mediaBacklog(jobs: number) {
  for (let job = 0; job < jobs; job++) {
    await SendAlert.dispatch({
      channel: 'slack',
      alert: { kind: 'low_disk', fingerprint: `filler:${job}`, severity: 'info', params: {} },
    }).toQueue('media')
  }
}

test.group('Alerts | queue backlog', (group) => {
  const messenger = alertsToLocalSlack(group, () => ({
    queueBacklog: { pending: 3, checkEvery: '5m' },
  }))
  group.each.setup(() => testUtils.db().truncate())

  test('a queue with more pending jobs than the threshold alerts', async ({ assert }) => {
    const { slack } = messenger
    await mediaBacklog(4)
    await CheckQueueBacklog.dispatch({})
    await workUntil(async () => slack.accepted.length >= 1, { queues: ['default'] })

    assert.lengthOf(slack.accepted, 1)
    const text = slack.visibleText(slack.accepted[0])
    assert.include(text, '작업 대기열 적체: media')
    assert.include(text, 'media 대기열에서 처리를 기다리는 작업이 4개입니다 (기준 3개)')
  })

  test('a backlog within the threshold says nothing', async ({ assert }) => {
    await mediaBacklog(3)
    await CheckQueueBacklog.dispatch({})
    await workUntil(defaultQueueIdle, { queues: ['default'] })
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.lengthOf(messenger.slack.requests, 0)
  })
})

/** config/alerts.ts's disk check on the test storage, with this threshold. */
function diskCheck(minFreePercent: number) {
  return () => ({
    disk: { path: app.makePath('tmp/test-storage/public'), minFreePercent, checkEvery: '15m' },
  })
}

test.group('Alerts | low disk space', (group) => {
  const messenger = alertsToLocalSlack(group, diskCheck(100))
  group.each.setup(() => testUtils.db().truncate())

  test('free space under the threshold alerts with the directory and what is left', async ({
    assert,
  }) => {
    const { slack } = messenger
    await CheckDiskSpace.dispatch({})
    // Other alerts may share the channel (a Redis queue keeps earlier tests' jobs).
    const diskAlert = () =>
      slack.accepted
        .map((message) => slack.visibleText(message))
        .find((text) => text.includes('디스크'))
    await workUntil(async () => diskAlert() !== undefined, { queues: ['default'] })

    const text = diskAlert()!
    assert.match(text, /디스크 공간 부족: [\d.]+% 남음/)
    assert.include(text, `데이터 디렉터리(${app.makePath('tmp/test-storage/public')})`)
    assert.include(text, '기준 100% 아래입니다')
  })

  test('a data directory not created yet is measured on its nearest parent', async ({ assert }) => {
    const missing = await freeSpace(app.makePath('tmp/not-yet/created/here'))
    const parent = await freeSpace(app.makePath('tmp'))
    assert.isAbove(missing.freeBytes, 0)
    assert.closeTo(missing.percent, parent.percent, 1)
  })
})

test.group('Alerts | enough disk space', (group) => {
  const messenger = alertsToLocalSlack(group, diskCheck(0.001))
  group.each.setup(() => testUtils.db().truncate())

  test('enough free space says nothing', async ({ assert }) => {
    await CheckDiskSpace.dispatch({})
    await workUntil(defaultQueueIdle, { queues: ['default'] })
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.lengthOf(messenger.slack.requests, 0)
  })
})
