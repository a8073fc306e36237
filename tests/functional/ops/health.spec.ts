import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/index'
import { freePort } from '#tests/helpers/processes'
import { startWeb } from '#tests/helpers/production_processes'

test.group('Operations | health checks', () => {
  test('/health/live answers while the process runs', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('/health/ready checks the database, queue backend, session store and media disk', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    const report = response.body()
    assert.isTrue(report.isHealthy)
    assert.sameMembers(
      report.checks.map((check: { name: string; status: string }) =>
        [check.name.split(' ')[0], check.status].join(':')
      ),
      ['Database:ok', 'Queue:ok', 'Session:ok', 'Media:ok']
    )
  })
})

// No global transaction here: it would hold the SQLite write lock the health
// checks' own connections wait for. The users made are deleted after.
test.group('Operations | what /health/ready tells whom', () => {
  test('anyone gets the status and each check’s name and status, no process details', async ({
    client,
    assert,
    cleanup,
  }) => {
    const customer = await UserFactory.create()
    cleanup(() => customer.delete())
    for (const request of [
      client.get('/health/ready'),
      client.get('/health/ready').loginAs(customer),
    ]) {
      const response = await request
      response.assertStatus(200)
      const report = response.body()
      assert.sameMembers(Object.keys(report), ['isHealthy', 'status', 'checks'])
      for (const check of report.checks) assert.sameMembers(Object.keys(check), ['name', 'status'])
      assert.notInclude(response.text(), process.version)
      assert.notInclude(response.text(), `"pid"`)
      assert.notInclude(response.text(), `"uptime"`)
    }
  })

  test('a signed-in admin gets the full report', async ({ client, assert, cleanup }) => {
    const admin = await UserFactory.apply('admin').create()
    cleanup(() => admin.delete())
    const response = await client.get('/health/ready').loginAs(admin)
    response.assertStatus(200)
    assert.equal(response.body().debugInfo.pid, process.pid)
    assert.equal(response.body().debugInfo.version, process.version)
  })
})

test.group('Operations | probes create no session', () => {
  test('with database sessions: no cookie and no sessions row, while a page gets both', async ({
    assert,
    cleanup,
  }) => {
    await db.from('sessions').delete()
    // Redis is not used: nothing listens on that port.
    const web = await startWeb(await freePort(), {
      SESSION_DRIVER: 'database',
      QUEUE_DRIVER: 'database',
      LIMITER_STORE: 'database',
    })
    cleanup(() => web.process.stop())

    for (const path of ['/health/live', '/health/ready', '/health/live', '/health/ready']) {
      const response = await fetch(web.url + path)
      assert.equal(response.status, 200, path)
      assert.isNull(response.headers.get('set-cookie'), path)
    }
    assert.lengthOf(await db.from('sessions').select('id'), 0)

    const page = await fetch(web.url + '/')
    assert.equal(page.status, 200)
    assert.isNotNull(page.headers.get('set-cookie'))
    assert.lengthOf(await db.from('sessions').select('id'), 1)
    await db.from('sessions').delete()
  }).timeout(60_000)
})
