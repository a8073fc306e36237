import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { apiOperations, apiTarget } from './api_targets.js'
import { crawl, webTargets } from './web_targets.js'
import { arrangeStore } from './web_world.js'
import { sweep } from './probe.js'

/*
 * The sweep of item 15: every route of the Store API (from its OpenAPI
 * document) and of the web router, with each path parameter, query
 * parameter and body field in turn made hostile. Findings are collected, so
 * one run lists every route that answers otherwise than a 4xx or writes.
 */
test.group('Hostile input | every route', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('answers out-of-range integers, NUL characters and oversized text with a 4xx, writing nothing', async ({
    client,
    assert,
  }) => {
    const findings: string[] = []
    for (const { path, method, operation } of apiOperations()) {
      findings.push(...(await sweep(client, await apiTarget(client, path, method, operation))))
    }
    const personas = await arrangeStore()
    for (const target of webTargets(personas, await crawl(client, personas))) {
      findings.push(...(await sweep(client, target)))
    }
    assert.deepEqual(findings, [], findings.join('\n'))
  }).disableTimeout()
})
