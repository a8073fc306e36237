import { test } from '@japa/runner'
import { jobLog } from '#start/observability'
import { defaultQueueInspector } from '#observability/queue_inspectors'
import { workUntil } from '#tests/helpers/queue'
import { captureLog } from '#tests/helpers/logs'
import { PROBE_QUEUE, QueueProbe, removeProbeJobs } from '#tests/helpers/queue_probe'

// A real worker runs the jobs on the database queue: nothing is wrapped in a
// global transaction, and the probe's jobs are removed after each test.
test.group('Operations | job log', (group) => {
  group.each.teardown(() => removeProbeJobs())

  test('logs a job’s start and end with its id, name, queue, attempt and duration', async ({
    assert,
    cleanup,
  }) => {
    const log = captureLog(jobLog)
    cleanup(() => log.restore())

    const { jobId } = await QueueProbe.dispatch({ failures: 0 })
    await workUntil(async () => log.lines('job done').length === 1, { queues: [PROBE_QUEUE] })

    const [started] = log.lines('job started')
    assert.deepInclude(started, {
      job_id: jobId,
      job: 'QueueProbe',
      queue: PROBE_QUEUE,
      attempt: 1,
    })
    assert.equal(started.level, 30)
    const [done] = log.lines('job done')
    assert.deepInclude(done, { job_id: jobId, job: 'QueueProbe', queue: PROBE_QUEUE, attempt: 1 })
    assert.isNumber(done.ms)
    assert.equal(done.level, 30)
    assert.notInclude(log.raw.join(''), 'failures')
  })

  test('a failed run that will be retried is a warning; the last failure is an error', async ({
    assert,
    cleanup,
  }) => {
    const log = captureLog(jobLog)
    cleanup(() => log.restore())

    const { jobId } = await QueueProbe.dispatch({ failures: 5 })
    await workUntil(async () => log.lines('job failed').length === 1, { queues: [PROBE_QUEUE] })

    const [retrying] = log.lines('job failed, will retry')
    assert.deepInclude(retrying, {
      job_id: jobId,
      job: 'QueueProbe',
      queue: PROBE_QUEUE,
      attempt: 1,
      error: 'probe failure 1',
      level: 40,
    })
    const [failed] = log.lines('job failed')
    assert.deepInclude(failed, {
      job_id: jobId,
      job: 'QueueProbe',
      queue: PROBE_QUEUE,
      attempt: 2,
      error: 'probe failure 2',
      level: 50,
    })
    assert.isNumber(failed.ms)
    assert.lengthOf(log.lines('job started'), 2)

    // Kept for the back office to retry or discard.
    const inspector = await defaultQueueInspector()
    const failedJobs = await inspector!.failed([PROBE_QUEUE], 50)
    const kept = failedJobs.find((job) => job.id === jobId)
    assert.deepInclude(kept, { queue: PROBE_QUEUE, name: 'QueueProbe', error: 'probe failure 2' })
  })
})
