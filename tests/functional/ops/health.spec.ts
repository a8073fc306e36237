import { test } from '@japa/runner'

test.group('Operations | health checks', () => {
  test('/health/live answers while the process runs', async ({ client }) => {
    const response = await client.get('/health/live')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('/health/ready checks the database and the queue backend', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    const report = response.body()
    assert.isTrue(report.isHealthy)
    assert.sameMembers(
      report.checks.map((check: { name: string; status: string }) =>
        [check.name.split(' ')[0], check.status].join(':')
      ),
      ['Database:ok', 'Queue:ok']
    )
  })
})
