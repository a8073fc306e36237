import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { QueueManager } from '@adonisjs/queue'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import { openApiDocument } from '#api/openapi'
import { type Contract, fetchContract, routePattern } from './openapi_contract.js'
import { type Call, failingCalls, validCalls } from './openapi_scenarios.js'

/**
 * The documented operations, read from the module because Japa declares
 * tests when the file loads; each test then checks the document as served.
 */
const operations = Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, { operationId }]) => ({
    operationId,
    path,
    method,
    title: `${method.toUpperCase()} ${path}`,
  }))
)

/** Every route of the running app, as `METHOD /pattern`. */
function registeredRoutes() {
  return Object.values(router.toJSON()).flatMap((routes) =>
    routes.flatMap((route) => route.methods.map((method) => `${method} ${route.pattern}`))
  )
}

/** Sends `call` to the documented path and method, as the document describes them. */
async function send(client: ApiClient, contract: Contract, operationId: string, call: Call) {
  const { path, method } = contract.operation(operationId)
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => String(call.params?.[name]))
  const request = client.request(contract.document.servers[0].url + url, method.toUpperCase())
  if (call.query) request.qs(call.query)
  if (call.body) request.json(call.body)
  if (call.file) request.file('file', call.file)
  if (call.token) request.bearerToken(call.token)
  if (call.headers) request.headers(call.headers)
  if (call.as) return request.withGuard('api').loginAs(call.as)
  return request
}

/** Asserts the response has a documented status and a body matching its schema. */
function assertDocumented(
  assert: Assert,
  contract: Contract,
  operationId: string,
  response: ApiResponse
) {
  const { path, method, operation } = contract.operation(operationId)
  const status = response.status()
  assert.include(Object.keys(operation.responses), String(status), `${status} is not documented`)
  const validate = contract.responseValidator(path, method, status)
  if (!validate) {
    assert.equal(response.text(), '', `${status} is documented without a body`)
    return
  }
  assert.isTrue(validate(response.body()), contract.errorsText(validate))
}

test.group('Store API | OpenAPI document', () => {
  test('serves an OpenAPI 3.1.0 document for the /api/v1 server', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')

    response.assertStatus(200)
    response.assertHeader('content-type', 'application/json; charset=utf-8')
    assert.equal(response.body().openapi, '3.1.0')
    assert.deepEqual(response.body().servers, [{ url: '/api/v1' }])
    assert.isNotEmpty(response.body().paths)
  })

  test('documents only routes that exist in the router', async ({ client, assert }) => {
    const contract = await fetchContract(client)
    const routes = registeredRoutes()

    for (const { path, method } of contract.operations()) {
      const route = `${method.toUpperCase()} ${routePattern(contract.document.servers[0].url, path)}`
      assert.include(routes, route, `${route} is documented but not routed`)
    }
  })

  test('documents every Store API route apart from the document itself', async ({
    client,
    assert,
  }) => {
    const contract = await fetchContract(client)
    const serverUrl = contract.document.servers[0].url
    const documentedRoutes = contract
      .operations()
      .map(({ path, method }) => `${method.toUpperCase()} ${routePattern(serverUrl, path)}`)
    const apiRoutes = registeredRoutes().filter(
      (route) =>
        route.includes(` ${serverUrl}/`) &&
        !route.startsWith('HEAD ') &&
        !route.endsWith('/openapi.json')
    )

    assert.sameMembers(apiRoutes, documentedRoutes)
  })

  test('describes its schemas without dangling references', async ({ client, assert }) => {
    const contract = await fetchContract(client)

    for (const { path, method } of contract.operations()) {
      assert.doesNotThrow(() => contract.requestValidator(path, method))
      for (const status of Object.keys(contract.document.paths[path][method].responses)) {
        assert.doesNotThrow(() => contract.responseValidator(path, method, Number(status)))
      }
    }
  })
})

test.group('Store API | OpenAPI conformance', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // Uploads queue jobs; no worker runs here.
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  for (const { operationId, path, method, title } of operations) {
    test(`answers ${title} with a documented status and body`, async ({ client, assert }) => {
      const contract = await fetchContract(client)
      const arrange = validCalls[operationId]
      assert.isFunction(arrange, `No valid call for "${operationId}" in openapi_scenarios.ts`)
      const call = await arrange(client)
      const validateRequest = contract.requestValidator(path, method)
      if (validateRequest) {
        assert.isTrue(validateRequest(call.body), contract.errorsText(validateRequest))
      }

      const response = await send(client, contract, operationId, call)

      assert.isBelow(response.status(), 300, JSON.stringify(response.body()))
      assertDocumented(assert, contract, operationId, response)
      const data = response.body()?.data
      if (Array.isArray(data)) assert.isNotEmpty(data, 'an empty list checks no item schema')
    })
  }

  for (const { operationId, status, arrange } of failingCalls) {
    const title = operations.find((operation) => operation.operationId === operationId)?.title
    test(`answers ${title} with a documented ${status} error`, async ({ client, assert }) => {
      const contract = await fetchContract(client)

      const response = await send(client, contract, operationId, await arrange(client))

      response.assertStatus(status)
      assertDocumented(assert, contract, operationId, response)
    })
  }

  test('has no valid call for an operation the document lost', async ({ client, assert }) => {
    const contract = await fetchContract(client)
    const operationIds = contract.operations().map(({ operation }) => operation.operationId)

    assert.includeMembers(operationIds, Object.keys(validCalls))
    assert.includeMembers(
      operationIds,
      failingCalls.map((call) => call.operationId)
    )
  })
})
