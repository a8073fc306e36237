import { stat } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { SYSTEM_ACTOR } from '#audit/actor'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { MediaPipeline } from '#media/media_pipeline'
import MediaService from '#services/media_service'
import { PaymentService } from '#services/payments/payment_service'
import { createListing } from '#tests/helpers/commerce'
import { smallPng } from '#tests/helpers/media_fixtures'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { deliverStripeEvent, useLocalStripe } from '#tests/helpers/payments'
import { markPaid, placedOrder } from '#tests/helpers/shop'
import { METRICS_TOKEN, metricsText, sample, scrape, useMetricsToken } from '#tests/helpers/metrics'
import { PROBE_QUEUE, QueueProbe, removeProbeJobs } from '#tests/helpers/queue_probe'

const stripe = await startStripeServer()

test.group('Operations | /metrics switched off', () => {
  test('does not exist while METRICS_TOKEN is unset', async ({ client }) => {
    const response = await client.get('/metrics').bearerToken(METRICS_TOKEN)
    response.assertStatus(404)
  })
})

test.group('Operations | /metrics', (group) => {
  useMetricsToken(group)
  useLocalStripe(group, stripe)
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('answers 401 without the token or with a wrong one', async ({ client }) => {
    const missing = await client.get('/metrics')
    missing.assertStatus(401)
    missing.assertHeader('www-authenticate', 'Bearer')
    const wrong = await client.get('/metrics').bearerToken(`${METRICS_TOKEN}x`)
    wrong.assertStatus(401)
    const basic = await client.get('/metrics').header('authorization', `Basic ${METRICS_TOKEN}`)
    basic.assertStatus(401)
  })

  test('serves Prometheus text to the token holder, with no session cookie', async ({
    client,
    assert,
  }) => {
    const response = await scrape(client)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
    assert.isUndefined(response.header('set-cookie'))
    assert.include(response.text(), '# TYPE jangteo_http_request_duration_seconds histogram')
    assert.include(response.text(), 'jangteo_nodejs_eventloop_lag_seconds')
    assert.include(response.text(), 'jangteo_process_cpu_seconds_total')
  })

  test('times requests by route pattern, method and status class', async ({ client, assert }) => {
    const before = await metricsText(client)
    await client.get('/login')
    await client.get('/no-such-page/42')
    const after = await metricsText(client)

    const login = { route: '/login', method: 'GET', status: '2xx' }
    const name = 'jangteo_http_request_duration_seconds_count'
    assert.equal(sample(after, name, login) - sample(before, name, login), 1)
    const unmatched = { route: 'unmatched', method: 'GET', status: '4xx' }
    assert.isAtLeast(sample(after, name, unmatched) - sample(before, name, unmatched), 1)
    assert.notInclude(after, '/no-such-page')
  })

  test('counts orders placed and paid', async ({ client, assert }) => {
    const before = await metricsText(client)
    const { payment } = await placedOrder()
    await markPaid(payment)
    const after = await metricsText(client)

    const placed = 'jangteo_orders_placed_total'
    const paid = 'jangteo_orders_paid_total'
    assert.equal(sample(after, placed) - sample(before, placed), 1)
    assert.equal(sample(after, paid) - sample(before, paid), 1)
  })

  test('counts webhooks refused for a bad signature', async ({ client, assert }) => {
    const name = 'jangteo_webhook_rejections_total'
    const before = sample(await metricsText(client), name, { adapter: 'stripe' })
    const event = stripe.signedEvent('payment_intent.succeeded', 'pi_unknown')
    const forged = await deliverStripeEvent(client, {
      ...event,
      signature: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
    })
    forged.assertStatus(400)

    const after = sample(await metricsText(client), name, { adapter: 'stripe' })
    assert.equal(after - before, 1)
  })

  test('counts failed payments by adapter', async ({ client, assert }) => {
    const name = 'jangteo_payment_failures_total'
    const before = sample(await metricsText(client), name, { adapter: 'stripe' })
    const { payment } = await placedOrder({ paymentMethod: 'stripe' })

    // The shopper failed 3-D Secure and came back: the attempt is declined.
    const payments = await app.container.make(PaymentService)
    await payments.settle(
      payment,
      {
        status: 'declined',
        code: 'authentication_failed',
        reason: '3DS failed',
        providerReference: payment.providerReference!,
      },
      SYSTEM_ACTOR
    )

    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(sample(await metricsText(client), name, { adapter: 'stripe' }) - before, 1)
  })

  test('counts media whose processing failed for good, by kind', async ({ client, assert }) => {
    const name = 'jangteo_media_failures_total'
    const before = sample(await metricsText(client), name, { kind: 'image' })
    const { product } = await createListing()
    const { path } = await smallPng()
    const { size } = await stat(path)
    const service = await app.container.make(MediaService)
    const media = await service.upload(
      product,
      { path, size, clientName: 'small.png' },
      SYSTEM_ACTOR
    )

    const pipeline = await app.container.make(MediaPipeline)
    await pipeline.fail(media.id, 'Processing failed after 5 attempts: disk full')

    assert.equal(sample(await metricsText(client), name, { kind: 'image' }) - before, 1)
  })

  test('reports the database pool', async ({ client, assert }) => {
    const text = await metricsText(client)
    assert.match(text, /^jangteo_db_pool_connections\{connection="\w+",state="used"\} \d+$/m)
    assert.match(text, /^jangteo_db_pool_connections\{connection="\w+",state="free"\} \d+$/m)
    assert.match(text, /^jangteo_db_pool_connections\{connection="\w+",state="pending"\} \d+$/m)
  })
})

// The queue is read through its own connection: the jobs are committed for
// real (no global transaction) and removed after.
test.group('Operations | /metrics queue depth', (group) => {
  useMetricsToken(group)
  group.each.teardown(() => removeProbeJobs())
  // Redis cannot list its queues cheaply: the readers count the queues the workers
  // process (store.workerQueues), which here include the probe's.
  group.each.setup(() => {
    const queues = app.config.get<string[]>('store.workerQueues')
    app.config.set('store.workerQueues', [...queues, PROBE_QUEUE])
    return () => app.config.set('store.workerQueues', queues)
  })

  test('reports the jobs waiting per queue and state', async ({ client, assert }) => {
    // Counted from what is there already (a Redis queue keeps earlier tests' jobs).
    const waiting = { queue: PROBE_QUEUE, state: 'pending' }
    const failed = { queue: PROBE_QUEUE, state: 'failed' }
    const before = await metricsText(client)

    await QueueProbe.dispatch({ failures: 0 })
    await QueueProbe.dispatch({ failures: 0 })

    const text = await metricsText(client)
    assert.equal(
      sample(text, 'jangteo_queue_jobs', waiting),
      sample(before, 'jangteo_queue_jobs', waiting) + 2
    )
    assert.equal(
      sample(text, 'jangteo_queue_jobs', failed),
      sample(before, 'jangteo_queue_jobs', failed)
    )
    assert.equal(
      sample(text, 'jangteo_queue_jobs', { queue: 'media', state: 'pending' }),
      sample(before, 'jangteo_queue_jobs', { queue: 'media', state: 'pending' })
    )
  })
})
