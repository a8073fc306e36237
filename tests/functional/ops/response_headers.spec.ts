import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { localMediaRoot } from '#config/drive'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/index'

/** A rendition file as MediaStorage names them, served at /media/<key>. */
const RENDITION = `media/ab/${'c'.repeat(64)}/${'d'.repeat(12)}/image-320.webp`

/** Whether the response sets the session cookie. */
function setsSessionCookie(response: ApiResponse) {
  const header = response.header('set-cookie') as string[] | string | undefined
  return [header ?? []].flat().some((cookie) => cookie.startsWith('jangteo-session='))
}

test.group('Responses | headers every answer carries', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pages, API answers, static files and /media all say Referrer-Policy and nosniff', async ({
    client,
    assert,
    cleanup,
  }) => {
    const file = join(localMediaRoot, RENDITION)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, 'RIFF....WEBP')
    cleanup(() => rm(join(localMediaRoot, 'media/ab'), { recursive: true, force: true }))

    const seen: Record<string, (string | undefined)[]> = {}
    const expected: Record<string, (string | undefined)[]> = {}
    for (const url of [
      '/',
      '/api/v1/products',
      '/health/live',
      '/css/app.css',
      `/media/${RENDITION}`,
      '/media/not-a-rendition.webp',
      '/no-such-page',
    ]) {
      const response = await client.get(url)
      seen[url] = [response.header('referrer-policy'), response.header('x-content-type-options')]
      expected[url] = ['strict-origin-when-cross-origin', 'nosniff']
    }
    assert.deepEqual(seen, expected)
  })

  test('Store API answers set no session cookie; pages still do', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const answers = {
      'GET /api/v1/products': await client.get('/api/v1/products'),
      'POST /api/v1/carts': await client.post('/api/v1/carts').json({}),
      'POST /api/v1/auth/login': await client
        .post('/api/v1/auth/login')
        .json({ email: user.email, password: FACTORY_PASSWORD }),
      'GET /api/v1/nothing-here': await client.get('/api/v1/nothing-here'),
    }
    for (const [request, response] of Object.entries(answers)) {
      assert.isBelow(response.status(), 500, request)
      assert.isFalse(setsSessionCookie(response), request)
    }
    answers['POST /api/v1/auth/login'].assertStatus(200)
    assert.isTrue(setsSessionCookie(await client.get('/login')))
  })
})
