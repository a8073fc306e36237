import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import CatalogService from '#services/catalog/catalog_service'
import { workUntil } from '#tests/helpers/queue'
import {
  alertsToLocalSlack,
  alertWindowRows,
  eventually,
  firstWindowRepeats,
} from '#tests/helpers/alerts'

/** An order key as the checkout mints them, and a test card number. */
const ORDER_KEY = 'q3Zk8V1xYbN4mW7pL2sT9rE5uA6cD0fG'
const CARD = '4242 4242 4242 4242'

/** The front page fails with a message that carries a secret environment value, a key and a card. */
function breakTheFrontPage(cleanup: (fn: () => void) => void) {
  class BrokenCatalog extends CatalogService {
    async featured(): Promise<never> {
      throw new TypeError(
        `connect failed with key ${process.env.APP_KEY} for order_key=${ORDER_KEY} card ${CARD}`
      )
    }
  }
  app.container.swap(CatalogService, () => app.container.make(BrokenCatalog))
  cleanup(() => app.container.restore(CatalogService))
}

/*
 * A real worker sends the alerts to a local Slack webhook, so rows are
 * committed: these tests truncate instead of rolling back.
 */
test.group('Alerts | server errors', (group) => {
  const messenger = alertsToLocalSlack(group, () => ({ window: '2s' }))
  group.each.setup(() => testUtils.db().truncate())

  test('the first 5xx alerts at once, repeats go out as one summary, and no secret leaves', async ({
    client,
    assert,
    cleanup,
  }) => {
    breakTheFrontPage(cleanup)
    for (let request = 0; request < 3; request++) {
      const response = await client.get('/').header('accept', 'text/html')
      response.assertStatus(500)
    }
    await eventually(async () => (await firstWindowRepeats()) === 2)

    const { slack } = messenger
    await workUntil(async () => slack.accepted.length >= 2, {
      queues: ['default'],
      timeoutMs: 20_000,
    })

    const [first, summary] = slack.accepted.map((payload) => slack.visibleText(payload))
    assert.include(first, '[Jangteo · test] 서버 오류 (500)')
    assert.include(first, 'TypeError: connect failed with key [redacted]')
    assert.include(first, 'server_errors.spec.ts (BrokenCatalog.featured)')
    assert.include(first, '요청: GET /')
    assert.include(summary, '2번 더 발생했습니다')
    for (const text of [first, summary, JSON.stringify(slack.accepted)]) {
      assert.notInclude(text, process.env.APP_KEY!)
      assert.notInclude(text, ORDER_KEY)
      assert.notInclude(text, CARD)
    }
    assert.include(first, '[card]')
  })

  test('the same failure seen by a page and a JSON request counts as one alert', async ({
    client,
    assert,
    cleanup,
  }) => {
    breakTheFrontPage(cleanup)
    await client.get('/').header('accept', 'text/html')
    await client.get('/').header('accept', 'application/json')
    await eventually(async () => (await firstWindowRepeats()) === 1)
    assert.lengthOf(await alertWindowRows(), 1)
  })

  test('a client error (404) raises nothing', async ({ client, assert, cleanup }) => {
    const fake = QueueManager.fake()
    cleanup(() => QueueManager.restore())
    const response = await client.get('/no-such-page')
    response.assertStatus(404)
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.lengthOf(await alertWindowRows(), 0)
    fake.assertNothingPushed()
  })
})

test.group('Alerts | off', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('with no channel configured, a 5xx records and queues nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    breakTheFrontPage(cleanup)
    const fake = QueueManager.fake()
    cleanup(() => QueueManager.restore())
    const response = await client.get('/').header('accept', 'text/html')
    response.assertStatus(500)
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.lengthOf(await alertWindowRows(), 0)
    fake.assertNothingPushed()
  })
})
