import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import uploads from '#config/uploads'
import Media from '#models/media'
import User from '#models/user'
import MediaService from '#services/media_service'
import { UserFactory } from '#database/factories/index'
import { fileWith, smallPng } from '#tests/helpers/media_fixtures'
import { countRows, errorsOf } from '../api/helpers.js'
import { sellerWithProduct } from '../media/helpers.js'

const MB = 1024 * 1024
const MEDIA_ROUTE = 'api.v1.seller.products.media.store'

/**
 * Every request here runs with the OS temp directory pointed at a folder of
 * its own: whatever a request leaves behind shows up there, whoever wrote it.
 */
let temp: string
const tempFiles = () => readdir(temp)
const tempFileCount = async () => {
  const names = await tempFiles()
  return names.length
}

/** A multipart body with a file, sent where `request` goes. */
function withJunkFile(request: ApiRequest) {
  return request.file('junk', Buffer.alloc(256 * 1024, 7), { filename: 'junk.bin' })
}

/** The seller API's upload route, as the product's owner (the request is sent when awaited). */
function mediaUpload(client: ApiClient, owner: User, productId: number) {
  return client.post(`/api/v1/seller/products/${productId}/media`).withGuard('api').loginAs(owner)
}

/** How a sender writing a body in two parts, 300 ms apart, was answered. */
interface TwoPartAnswer {
  /** Whether the answer came before the second part was sent. */
  early: boolean
  status: number
  connection: string | undefined
}

/**
 * Sends `body` (of `length` announced bytes) as a slow sender does: the
 * first part, a pause of 300 ms, then the rest; whatever arrives before the
 * rest is sent is an early answer.
 */
function sendInTwoParts(
  path: string,
  headers: Record<string, string>,
  parts: [Buffer, Buffer],
  length = parts[0].length + parts[1].length
) {
  const address = new URL(`http://${process.env.HOST}:${process.env.PORT}`)
  return new Promise<TwoPartAnswer>((resolve, reject) => {
    let secondSent = false
    const request = httpRequest({
      host: address.hostname,
      port: address.port,
      method: 'POST',
      path,
      headers: { ...headers, 'content-length': String(length), 'accept': 'application/json' },
    })
    request.on('error', reject)
    request.on('response', (response) => {
      response.resume()
      resolve({
        early: !secondSent,
        status: response.statusCode!,
        connection: response.headers.connection,
      })
      if (length > parts[0].length + parts[1].length) request.destroy()
    })
    request.write(parts[0])
    setTimeout(() => {
      secondSent = true
      request.write(parts[1])
      request.end()
    }, 300)
  })
}

/** A multipart body of one file of `size` bytes, in two halves. */
function multipartHalves(boundary: string, size: number): [Buffer, Buffer] {
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n'
    ),
    Buffer.alloc(size, 6),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const half = Math.floor(body.length / 2)
  return [body.subarray(0, half), body.subarray(half)]
}

/** Polls until `check` holds, for up to `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return true
    await sleep(25)
  }
  return false
}

test.group('Multipart bodies | read only on upload routes, temp files always removed', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    QueueManager.fake()
    const previous = process.env.TMPDIR
    temp = await mkdtemp(join(tmpdir(), 'jangteo-multipart-test-'))
    process.env.TMPDIR = temp
    return async () => {
      if (previous === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = previous
      await rm(temp, { recursive: true, force: true })
      QueueManager.restore()
    }
  })

  test('every upload route config/uploads.ts names is a POST route of the app', ({ assert }) => {
    const names = Object.keys(uploads.routes)
    assert.isNotEmpty(names)
    for (const name of names) {
      assert.include(router.findOrFail(name, undefined, 'POST', true).methods, 'POST', name)
    }
  })

  test('an anonymous route that takes no files answers 415 and writes nothing', async ({
    client,
    assert,
  }) => {
    const cart = await withJunkFile(client.post('/api/v1/carts'))
    cart.assertStatus(415)
    assert.deepEqual(errorsOf(cart), [{ code: 'E_MULTIPART_NOT_ACCEPTED' }])
    assert.equal(await countRows('carts'), 0)

    const login = await withJunkFile(
      client.post('/login').field('email', 'a@example.com').field('password', 'whatever1')
    ).redirects(0)
    login.assertStatus(415)
    login.assertTextIncludes('이 페이지는 파일을 받지 않습니다.')
    assert.deepEqual(await tempFiles(), [])
  })

  test('a signed-in route that takes no files answers 415 and writes nothing', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const patch = await withJunkFile(
      client.patch(`/api/v1/seller/products/${product.id}`).field('title', '바뀐 이름')
    )
      .withGuard('api')
      .loginAs(owner)
    patch.assertStatus(415)
    await product.refresh()
    assert.notEqual(product.title, '바뀐 이름')

    const customer = await UserFactory.create()
    const profile = await withJunkFile(client.put('/account').field('name', '새 이름'))
      .loginAs(customer)
      .withCsrfToken()
      .redirects(0)
    profile.assertStatus(415)
    assert.deepEqual(await tempFiles(), [])
  })

  test('webhooks, known or not, answer 415 and write nothing', async ({ client, assert }) => {
    for (const url of ['/webhooks/stripe', '/webhooks/not_an_adapter']) {
      const response = await withJunkFile(client.post(url))
      response.assertStatus(415)
    }
    assert.deepEqual(await tempFiles(), [])
  })

  test('a media upload leaves nothing behind, accepted or refused', async ({ client, assert }) => {
    const { owner, product } = await sellerWithProduct()
    const png = await smallPng('temp-ok.png', 90, 70)
    const accepted = await mediaUpload(client, owner, product.id).file('file', png.path)
    accepted.assertStatus(202)

    const html = await fileWith('temp-bad.jpg', '<html></html>')
    const refused = await mediaUpload(client, owner, product.id).file('file', html.path)
    refused.assertStatus(422)
    assert.deepEqual(await tempFiles(), [])
  })

  test('extra file fields and a second file are skipped unread; one upload is kept', async ({
    client,
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const png = await smallPng('temp-extra.png', 90, 70)
    const other = await smallPng('temp-other.png', 60, 60)
    const response = await mediaUpload(client, owner, product.id)
      .file('file', png.path)
      .file('file', other.path)
      .file('extra', Buffer.alloc(MB, 1), { filename: 'extra.bin' })
      .file('more[0]', Buffer.alloc(MB, 2), { filename: 'more.bin' })
      .field('alt', '작은 그림')
    response.assertStatus(202)
    const media = await Media.query().where('product_id', product.id)
    assert.lengthOf(media, 1)
    assert.equal(media[0].alt, '작은 그림')
    assert.deepEqual(await tempFiles(), [])
  })

  test('a stranger’s upload is refused before its body is read', async ({ client, assert }) => {
    const { product } = await sellerWithProduct()
    const png = await smallPng('temp-anon.png', 90, 70)
    const api = await client
      .post(`/api/v1/seller/products/${product.id}/media`)
      .file('file', png.path)
    api.assertStatus(401)
    const web = await client
      .post(`/seller/products/${product.id}/media`)
      .file('file', png.path)
      .redirects(0)
    web.assertStatus(302)
    web.assertHeader('location', '/login')
    assert.deepEqual(await tempFiles(), [])
    assert.equal(await countRows('media'), 0)
  })

  test('a file over the route’s limit is a field error, a body over it a 413', async ({
    client,
    assert,
    cleanup,
  }) => {
    const rule = uploads.routes[MEDIA_ROUTE]
    const limit = rule.files.file
    rule.files.file = 64 * 1024
    cleanup(() => {
      rule.files.file = limit
    })
    const { owner, product } = await sellerWithProduct()

    const big = await mediaUpload(client, owner, product.id).file(
      'file',
      Buffer.alloc(100 * 1024, 3),
      { filename: 'big.jpg' }
    )
    big.assertStatus(422)
    assert.deepEqual(errorsOf(big), [{ field: 'file', code: 'upload_failed' }])

    const huge = await mediaUpload(client, owner, product.id).file(
      'file',
      Buffer.alloc(uploads.overheadBytes + 128 * 1024, 4),
      { filename: 'huge.jpg' }
    )
    huge.assertStatus(413)
    assert.deepEqual(errorsOf(huge), [{ code: 'E_BODY_TOO_LARGE' }])
    assert.deepEqual(await tempFiles(), [])
    assert.equal(await countRows('media'), 0)
  })

  test('an upload whose handling fails still leaves nothing behind', async ({
    client,
    assert,
    cleanup,
  }) => {
    class FailingMediaService extends MediaService {
      async upload(): Promise<never> {
        throw new Error('storage is down')
      }
    }
    app.container.swap(MediaService, () => app.container.make(FailingMediaService))
    cleanup(() => app.container.restore(MediaService))
    const { owner, product } = await sellerWithProduct()
    const png = await smallPng('temp-fail.png', 90, 70)
    const response = await mediaUpload(client, owner, product.id).file('file', png.path)
    response.assertStatus(500)
    assert.deepEqual(await tempFiles(), [])
  })

  test('an upload the client abandons halfway leaves nothing behind', async ({ assert }) => {
    const { owner, product } = await sellerWithProduct()
    const token = await User.accessTokens.create(owner)
    const boundary = 'jangteo-abandoned-upload'
    const address = new URL(`http://${process.env.HOST}:${process.env.PORT}`)
    const upload = httpRequest({
      host: address.hostname,
      port: address.port,
      method: 'POST',
      path: `/api/v1/seller/products/${product.id}/media`,
      headers: {
        'authorization': `Bearer ${token.value!.release()}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(10 * MB),
      },
    })
    upload.on('error', () => {})
    upload.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\n` +
        'Content-Type: video/mp4\r\n\r\n'
    )
    upload.write(Buffer.alloc(MB, 5))
    assert.isTrue(
      await eventually(async () => (await tempFileCount()) === 1),
      'the server started writing the file'
    )
    upload.destroy()
    assert.isTrue(
      await eventually(async () => (await tempFileCount()) === 0),
      'the partial file was deleted'
    )
    assert.equal(await countRows('media'), 0)
  })

  test('a body refused unread is taken off the wire first, so a slow sender gets the answer', async ({
    assert,
  }) => {
    const boundary = 'jangteo-slow-sender'
    const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` }
    // Multipart where no file is taken, and where no route is.
    for (const path of ['/api/v1/carts', '/api/v1/seller/products/-1/media']) {
      const answer = await sendInTwoParts(path, multipart, multipartHalves(boundary, 300 * 1024))
      assert.deepEqual(
        answer,
        { early: false, status: path === '/api/v1/carts' ? 415 : 404, connection: 'keep-alive' },
        path
      )
    }
    // JSON over the body parser's limit, refused by its announced length.
    const json = Buffer.from(JSON.stringify({ note: 'x'.repeat(300 * 1024) }))
    const half = Math.floor(json.length / 2)
    const tooLarge = await sendInTwoParts('/api/v1/carts', { 'content-type': 'application/json' }, [
      json.subarray(0, half),
      json.subarray(half),
    ])
    assert.deepEqual(tooLarge, { early: false, status: 413, connection: 'keep-alive' })
  })

  test('past 1 MB a refused body is no longer read: the answer closes the connection', async ({
    assert,
  }) => {
    const boundary = 'jangteo-endless-sender'
    const [first, second] = multipartHalves(boundary, 3 * MB)
    const answer = await sendInTwoParts(
      '/api/v1/carts',
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
      [first, second.subarray(0, 1024)],
      first.length + second.length
    )
    assert.deepEqual(answer, { early: true, status: 415, connection: 'close' })
  })
})
