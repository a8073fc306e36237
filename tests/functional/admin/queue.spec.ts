import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { formatDateTime } from '#formatting/store_time'
import { jobLog } from '#start/observability'
import { workUntil } from '#tests/helpers/queue'
import { captureLog } from '#tests/helpers/logs'
import { PROBE_QUEUE, QueueProbe, removeProbeJobs } from '#tests/helpers/queue_probe'

test.group('Admin | queue page | who may use it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin sees jobs per queue and state, and the page in the back-office menu', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()

    const response = await client.get('/admin/queue').loginAs(admin)

    response.assertStatus(200)
    assert.include(response.text(), 'data-queue="default"')
    assert.include(response.text(), 'data-queue="media"')
    assert.include(response.text(), '작업 대기열')
    const dashboard = await client.get('/admin').loginAs(admin)
    assert.include(dashboard.text(), 'href="/admin/queue"')
  })

  test('staff, sellers and customers are refused; visitors are sent to sign in', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff', 'movesMoney').create()
    const { owner } = await createSellerOwner()
    const customer = await UserFactory.create()

    for (const user of [staff, owner, customer]) {
      const page = await client.get('/admin/queue').loginAs(user)
      page.assertStatus(403)
      const retry = await client
        .post(`/admin/queue/${PROBE_QUEUE}/jobs/some-job/retry`)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      retry.assertStatus(403)
    }
    const visitor = await client.get('/admin/queue').redirects(0)
    visitor.assertStatus(302)
    assert.match(visitor.header('location') ?? '', /\/login/)
    const dashboard = await client.get('/admin').loginAs(staff)
    assert.notInclude(dashboard.text(), 'href="/admin/queue"')
  })
})

/** A probe job that failed for good on the database queue (a real worker ran it twice). */
async function failedProbe() {
  QueueProbe.outage = true
  const { jobId } = await QueueProbe.dispatch({ failures: 0 })
  await workUntil(async () => (await statusOf(jobId)) === 'failed', { queues: [PROBE_QUEUE] })
  QueueProbe.outage = false
  return jobId
}

async function statusOf(jobId: string): Promise<string | null> {
  const row = await db.from('queue_jobs').where('id', jobId).select('status').first()
  return row?.status ?? null
}

function auditFor(jobId: string, action: string) {
  return AuditEvent.query().where({ subjectType: 'queue_job', subjectId: jobId, action })
}

// A real worker runs the probe on the database queue, so nothing is wrapped
// in a global transaction: probe jobs are removed after each test.
test.group('Admin | queue page | failed jobs', (group) => {
  // The probe runs on the database queue and its rows are read back from queue_jobs; the
  // Redis readers behind the same page are tested against a private Redis
  // (tests/functional/ops/redis_queue_inspector.spec.ts).
  group.tap((t) =>
    t.skip(
      process.env.QUEUE_DRIVER === 'redis',
      'reads queue_jobs: the Redis side is in redis_queue_inspector.spec.ts'
    )
  )
  // The probe's failures are expected: their log lines are kept off the output.
  group.each.setup(() => {
    const log = captureLog(jobLog)
    return () => log.restore()
  })
  group.each.teardown(async () => {
    QueueProbe.outage = false
    await removeProbeJobs()
  })

  test('lists a failed job: name, queue, runs, last error and when, in the store’s time', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    cleanup(() => admin.delete())
    const jobId = await failedProbe()
    const row = await db.from('queue_jobs').where('id', jobId).first()

    const response = await client.get('/admin/queue').loginAs(admin)

    response.assertStatus(200)
    const html = response.text()
    const at = html.indexOf(`data-job="${jobId}"`)
    assert.isAbove(at, -1)
    const job = html.slice(at, html.indexOf('</tr>', at))
    assert.include(job, 'QueueProbe')
    assert.include(job, `<code>${PROBE_QUEUE}</code>`)
    assert.match(job, />\s*2\s*</)
    assert.include(job, 'probe failure 2')
    assert.include(job, formatDateTime(new Date(Number(row.finished_at)), 'ko'))
    assert.notInclude(job, 'failures')
  })

  test('retrying puts the job back on its queue, audited with the admin, and it runs', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    cleanup(() => admin.delete())
    const jobId = await failedProbe()

    const response = await client
      .post(`/admin/queue/${PROBE_QUEUE}/jobs/${jobId}/retry`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/queue')
    assert.equal(await statusOf(jobId), 'pending')
    const [audit] = await auditFor(jobId, 'queue.job_retried')
    assert.equal(audit.actorId, admin.id)
    assert.equal(audit.actorRole, 'admin')
    assert.deepEqual(JSON.parse(audit.changes).after, { status: 'pending' })
    assert.notInclude(audit.changes, 'failures')

    // Completed jobs are deleted: the row going away means it ran and succeeded.
    await workUntil(async () => (await statusOf(jobId)) === null, { queues: [PROBE_QUEUE] })
  })

  test('discarding deletes the job, audited with the admin', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    cleanup(() => admin.delete())
    const jobId = await failedProbe()

    const response = await client
      .post(`/admin/queue/${PROBE_QUEUE}/jobs/${jobId}/discard`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.isNull(await statusOf(jobId))
    const audits = await auditFor(jobId, 'queue.job_discarded')
    assert.lengthOf(audits, 1)
    assert.equal(audits[0].actorId, admin.id)
  })

  test('a job already acted on is reported and nothing more is written', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    cleanup(() => admin.delete())
    const jobId = await failedProbe()
    const discard = () =>
      client
        .post(`/admin/queue/${PROBE_QUEUE}/jobs/${jobId}/discard`)
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)

    await discard()
    const again = await discard()
    const retry = await client
      .post(`/admin/queue/${PROBE_QUEUE}/jobs/${jobId}/retry`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    again.assertStatus(302)
    again.assertFlashMessage('error', '이 작업은 이미 다시 실행되었거나 버려졌습니다.')
    retry.assertStatus(302)
    assert.lengthOf(await auditFor(jobId, 'queue.job_discarded'), 1)
    assert.lengthOf(await auditFor(jobId, 'queue.job_retried'), 0)
    assert.isNull(await statusOf(jobId))
  })
})
