import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { Job, Locator } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { workUntil } from '#tests/helpers/queue'
import { alertsToLocalSlack } from '#tests/helpers/alerts'

/** A job that always fails, retried once at once. */
class ImportSupplierFeed extends Job<{ feed: string }> {
  static runs = 0
  static options: JobOptions = {
    name: 'ImportSupplierFeed',
    queue: 'default',
    maxRetries: 1,
  }

  async execute() {
    ImportSupplierFeed.runs++
    throw new Error(`feed ${this.payload.feed} answered 503 (password=hunter2hunter2)`)
  }
}

test.group('Alerts | jobs failing for the last time', (group) => {
  const messenger = alertsToLocalSlack(group)
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    ImportSupplierFeed.runs = 0
    Locator.register(ImportSupplierFeed.options.name!, ImportSupplierFeed)
  })

  test('alerts once, after the last attempt, not on the retry', async ({ assert }) => {
    const { slack } = messenger
    await ImportSupplierFeed.dispatch({ feed: 'acme' })

    await workUntil(async () => ImportSupplierFeed.runs === 2 && slack.accepted.length >= 1, {
      queues: ['default'],
      timeoutMs: 15_000,
    })
    await new Promise((resolve) => setTimeout(resolve, 300))

    assert.equal(ImportSupplierFeed.runs, 2)
    assert.lengthOf(slack.accepted, 1)
    const text = slack.visibleText(slack.accepted[0])
    assert.include(text, '작업 최종 실패: ImportSupplierFeed')
    assert.include(text, 'ImportSupplierFeed 작업이 2번 시도한 뒤 실패했습니다 (대기열 default)')
    assert.include(text, 'Error: feed acme answered 503 (password=[redacted])')
    assert.notInclude(text, 'hunter2')
  })
})
