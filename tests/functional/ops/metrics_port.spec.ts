import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { test } from '@japa/runner'
import { Secret } from '@adonisjs/core/helpers'
import { serveMetrics } from '#observability/metrics_server'
import { METRICS_TOKEN, sample } from '#tests/helpers/metrics'

// METRICS_PORT: how `queue:work` processes, which have no web server, are scraped.
test.group('Operations | metrics on METRICS_PORT', () => {
  test('serves this process’s metrics on 127.0.0.1 to the token holder only', async ({
    assert,
    cleanup,
  }) => {
    const server = serveMetrics(0, new Secret(METRICS_TOKEN))
    cleanup(() => void server.close())
    await once(server, 'listening')
    const { address, port } = server.address() as AddressInfo
    assert.equal(address, '127.0.0.1')
    const url = `http://127.0.0.1:${port}/metrics`

    const anonymous = await fetch(url)
    const wrong = await fetch(url, { headers: { authorization: 'Bearer nope' } })
    const scraper = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })

    assert.equal(anonymous.status, 401)
    assert.equal(wrong.status, 401)
    assert.equal(scraper.status, 200)
    const text = await scraper.text()
    assert.isAbove(sample(text, 'jangteo_process_start_time_seconds'), 0)
    assert.include(text, '# TYPE jangteo_queue_job_runs_total counter')
  })

  test('answers nothing without a token configured', async ({ assert, cleanup }) => {
    const server = serveMetrics(0, undefined)
    cleanup(() => void server.close())
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo

    const response = await fetch(`http://127.0.0.1:${port}/metrics`)
    assert.equal(response.status, 404)
  })
})
