import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { countRows } from '../api/helpers.js'

/** 50,000 nested arrays: under the 256 KB limit, too deep for the JSON parser's stack. */
const DEEP_JSON = `{"items":${'['.repeat(50_000)}${']'.repeat(50_000)}}`

/** What a refusal must never show: parser internals, the stack, the body it choked on. */
const INTERNALS =
  /Maximum call stack|RangeError|SyntaxError|Unexpected token|at JSON\.parse|node_modules/

test.group('Request bodies | unreadable bodies get a plain 4xx', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deeply nested JSON to the Store API is a 400 that names no internals', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/api/v1/carts').unsafeJson(DEEP_JSON)
    response.assertStatus(400)
    assert.deepEqual(response.body(), {
      errors: [{ code: 'E_MALFORMED_BODY', message: 'The request body could not be read' }],
    })
    assert.equal(await countRows('carts'), 0)
  })

  test('broken JSON, and JSON that is not an object, are the same 400', async ({ client }) => {
    for (const body of ['{"email": "a@example.com",', '"just a string"', '{"a":\u0001}']) {
      const response = await client.post('/api/v1/auth/login').unsafeJson(body)
      response.assertStatus(400)
      response.assertBody({
        errors: [{ code: 'E_MALFORMED_BODY', message: 'The request body could not be read' }],
      })
    }
  })

  test('a body over the limit is a 413 that says so', async ({ client }) => {
    const response = await client
      .post('/api/v1/carts')
      .unsafeJson(JSON.stringify({ padding: 'x'.repeat(300 * 1024) }))
    response.assertStatus(413)
    response.assertBody({
      errors: [{ code: 'E_BODY_TOO_LARGE', message: 'The request body is too large' }],
    })
  })

  test('a page sent deeply nested JSON answers an error page, not a stack trace', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/login')
      .header('accept', 'text/html')
      .unsafeJson(DEEP_JSON)
      .redirects(0)
    response.assertStatus(400)
    response.assertTextIncludes('보낸 내용을 읽을 수 없습니다.')
    assert.notMatch(response.text(), INTERNALS)
  })

  test('the same page asked for JSON gets the same plain refusal', async ({ client, assert }) => {
    const response = await client
      .post('/login')
      .header('accept', 'application/json')
      .unsafeJson(DEEP_JSON)
      .redirects(0)
    response.assertStatus(400)
    assert.deepEqual(response.body(), {
      errors: [{ code: 'E_MALFORMED_BODY', message: 'The request body could not be read' }],
    })
    assert.notMatch(response.text(), INTERNALS)
  })
})
