import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/index'
import { jobLog } from '#start/observability'
import { emptyDatabase } from '#tests/helpers/browser'
import { captureLog } from '#tests/helpers/logs'
import { workUntil } from '#tests/helpers/queue'
import { PROBE_QUEUE, QueueProbe, removeProbeJobs } from '#tests/helpers/queue_probe'

test.group('Back office | queue page in the browser', (group) => {
  // The probe's failed row is read back from queue_jobs (the database queue); the
  // Redis readers behind the page are tested in redis_queue_inspector.spec.ts.
  group.tap((t) =>
    t.skip(
      process.env.QUEUE_DRIVER === 'redis',
      'reads queue_jobs: the Redis side is in redis_queue_inspector.spec.ts'
    )
  )
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    const log = captureLog(jobLog)
    return async () => {
      log.restore()
      QueueProbe.outage = false
      await removeProbeJobs()
    }
  })

  test('an admin runs a failed job again from the queue page', async ({
    browserContext,
    visit,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    QueueProbe.outage = true
    const { jobId } = await QueueProbe.dispatch({ failures: 0 })
    const statusOf = async () => {
      const row = await db.from('queue_jobs').where('id', jobId).select('status').first()
      return row?.status ?? null
    }
    await workUntil(async () => (await statusOf()) === 'failed', { queues: [PROBE_QUEUE] })
    QueueProbe.outage = false

    await browserContext.loginAs(admin)
    const page = await visit('/admin')
    await page.getByRole('link', { name: '작업 대기열' }).click()
    await page.assertElementsCount('tr[data-test="failed-job"]', 1)
    await page.assertTextContains(`tr[data-job="${jobId}"]`, 'probe failure 2')
    await page.assertText(`tr[data-queue="${PROBE_QUEUE}"] td[data-state="failed"]`, '1')

    await page.getByRole('button', { name: '다시 실행' }).click()

    await page.assertPath('/admin/queue')
    await page.assertTextContains('body', 'QueueProbe 작업을 대기열에 다시 넣었습니다.')
    await page.assertExists('[data-test="no-failed-jobs"]')
    await page.assertText(`tr[data-queue="${PROBE_QUEUE}"] td[data-state="pending"]`, '1')
  })
})
