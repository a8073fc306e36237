import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import env from '#start/env'
import { accessLog } from '#start/observability'
import { UserFactory } from '#database/factories/index'
import { placedOrder } from '#tests/helpers/shop'
import { captureLog, eventually } from '#tests/helpers/logs'

test.group('Operations | access log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // Order mails are queued: a fake queue keeps them out of the real one.
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('writes one JSON line per request: method, route pattern, status, time and request id', async ({
    client,
    assert,
    cleanup,
  }) => {
    const log = captureLog(accessLog)
    cleanup(() => log.restore())
    const { order, accessKey } = await placedOrder()

    const response = await client
      .get(`/orders/${order.number}?key=${accessKey}`)
      .header('x-request-id', 'req-access-log-1')
    response.assertStatus(200)

    await eventually(() => log.lines('request').length === 1)
    const [line] = log.lines('request')
    assert.equal(line.method, 'GET')
    assert.equal(line.route, '/orders/:number')
    assert.equal(line.status, 200)
    assert.isNumber(line.ms)
    assert.isAbove(line.ms, 0)
    assert.equal(line.request_id, 'req-access-log-1')
    assert.isNull(line.user_id)
    assert.equal(line.level, 30)
  })

  test('never writes the URL: order numbers and order keys stay out of the log', async ({
    client,
    assert,
    cleanup,
  }) => {
    const log = captureLog(accessLog)
    cleanup(() => log.restore())
    const { order, accessKey } = await placedOrder()

    await client.get(`/orders/${order.number}?key=${accessKey}`)
    await client.get(`/orders/${order.number}?key=wrong-${accessKey}`)

    await eventually(() => log.lines('request').length === 2)
    for (const line of log.raw) {
      assert.notInclude(line, accessKey)
      assert.notInclude(line, order.number)
      assert.notInclude(line, 'key=')
    }
  })

  test('names the signed-in user', async ({ client, assert, cleanup }) => {
    const log = captureLog(accessLog)
    cleanup(() => log.restore())
    const customer = await UserFactory.create()

    await client.get('/account/orders').loginAs(customer)

    await eventually(() => log.lines('request').length === 1)
    assert.equal(log.lines('request')[0].user_id, customer.id)
    assert.equal(log.lines('request')[0].route, '/account/orders')
  })

  test('logs requests an exception answered, and those no route matched', async ({
    client,
    assert,
    cleanup,
  }) => {
    const log = captureLog(accessLog)
    cleanup(() => log.restore())

    const refused = await client.post('/webhooks/no_such_provider').json({ id: 'evt_1' })
    refused.assertStatus(404)
    const nowhere = await client.get('/no-such-page/12345')
    nowhere.assertStatus(404)

    await eventually(() => log.lines('request').length === 2)
    const [webhook, unmatched] = log.lines('request')
    assert.deepInclude(webhook, { method: 'POST', route: '/webhooks/:adapter', status: 404 })
    assert.deepInclude(unmatched, { method: 'GET', route: 'unmatched', status: 404 })
    assert.notInclude(log.raw.join(''), '12345')
  })

  test('ACCESS_LOG=false turns the access log off', async ({ client, assert, cleanup }) => {
    const log = captureLog(accessLog)
    cleanup(() => log.restore())
    env.set('ACCESS_LOG', false)
    cleanup(() => env.set('ACCESS_LOG', true))

    await client.get('/login')
    await client.get('/login')
    env.set('ACCESS_LOG', true)
    await client.get('/login')

    await eventually(() => log.lines('request').length >= 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.lengthOf(log.lines('request'), 1)
  })
})
