import { request as httpRequest } from 'node:http'
import { readFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import MediaService from '#services/media_service'
import { SYSTEM_ACTOR } from '#audit/actor'
import { MediaStatus } from '#media/media_status'
import env from '#start/env'
import Media from '#models/media'
import User from '#models/user'
import { freePort, startNode } from '#tests/helpers/processes'
import { suiteDatabaseEnv } from '#tests/helpers/production_processes'
import { smallPng, testVideo } from '#tests/helpers/media_fixtures'
import { sellerWithProduct } from '../media/helpers.js'

/** A process on the suite's own (migrated) database, queue backend and media disk. */
function suiteEnv() {
  return {
    ...suiteDatabaseEnv(),
    QUEUE_DRIVER: env.get('QUEUE_DRIVER', 'database'),
    REDIS_HOST: env.get('REDIS_HOST') ?? '',
    REDIS_PORT: String(env.get('REDIS_PORT') ?? ''),
    REDIS_DB: String(env.get('REDIS_DB') ?? ''),
    REDIS_PREFIX: env.get('REDIS_PREFIX') ?? '',
    DATA_DIR: env.get('DATA_DIR') ?? '',
    MEDIA_STORAGE_PATH: env.get('MEDIA_STORAGE_PATH') ?? '',
    QUEUE_WORKER: 'off',
    SESSION_DRIVER: 'database',
    LIMITER_STORE: 'database',
  }
}

/** A web process as in production. */
async function startWeb() {
  const port = await freePort()
  const { process } = await startNode(
    ['--import=@poppinss/ts-exec', 'bin/server.ts'],
    { ...suiteEnv(), PORT: String(port) },
    /started HTTP server/
  )
  return { process, port }
}

/** Whether a new connection to the port is accepted. */
function accepts(port: number) {
  return new Promise<boolean>((resolve) => {
    const probe = httpRequest({ host: '127.0.0.1', port, path: '/health/live' }, (response) => {
      response.resume()
      resolve(true)
    })
    probe.on('error', () => resolve(false))
    probe.end()
  })
}

test.group('Operations | stopping a web process', (group) => {
  // The web process is another process: rows must be committed for it to see them.
  group.each.setup(() => testUtils.db().truncate())

  test('on SIGTERM it takes no new connection, and an upload in flight finishes and is saved', async ({
    assert,
  }) => {
    const { owner, product } = await sellerWithProduct()
    const token = await User.accessTokens.create(owner)
    const fixture = await smallPng('graceful.png', 120, 90)
    const png = await readFile(fixture.path)
    const boundary = 'jangteo-graceful-stop'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="graceful.png"\r\n` +
          'Content-Type: image/png\r\n\r\n'
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const half = Math.floor(body.length / 2)
    const web = await startWeb()

    const upload = httpRequest({
      host: '127.0.0.1',
      port: web.port,
      method: 'POST',
      path: `/api/v1/seller/products/${product.id}/media`,
      headers: {
        'authorization': `Bearer ${token.value!.release()}`,
        'accept': 'application/json',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
      },
    })
    const answered = new Promise<number>((resolve, reject) => {
      upload.on('response', (response) => {
        response.resume()
        resolve(response.statusCode!)
      })
      upload.on('error', reject)
    })
    upload.write(body.subarray(0, half))
    await sleep(300)

    // Told to stop with the upload half sent: no new connection is taken...
    const stopped = web.process.stop()
    await sleep(300)
    assert.isFalse(await accepts(web.port), 'a new connection after SIGTERM')
    // ...and the upload in flight still finishes, with the database there to save it.
    upload.end(body.subarray(half))
    assert.equal(await answered, 202)
    await stopped
    assert.notMatch(web.process.output(), /\bERROR\b|Error:/)
    const media = await Media.query().where('product_id', product.id)
    assert.lengthOf(media, 1)
  }).timeout(120_000)

  test('on SIGTERM a queue worker finishes the job it is running, then exits', async ({
    assert,
  }) => {
    const { product } = await sellerWithProduct()
    const video = await testVideo('graceful.mp4', { seconds: 3 })
    const service = await app.container.make(MediaService)
    const { size } = await stat(video.path)
    const media = await service.upload(
      product,
      { path: video.path, size, clientName: basename(video.path) },
      SYSTEM_ACTOR
    )
    const { process: worker } = await startNode(
      ['ace', 'queue:work', '--queue=media'],
      { ...suiteEnv(), PORT: '0' },
      /Starting worker/
    )
    // (A Redis queue may hold earlier tests' jobs: this one is known by its row.)
    const encoding = async () => {
      const row = await Media.find(media.id)
      return row?.status === MediaStatus.Processing
    }
    while (!(await encoding())) await sleep(50)

    // Told to stop while it encodes the video: the job still ends, and the process after it.
    await worker.stop()
    const output = worker.output()
    assert.match(output, /waiting for \d+ running job\(s\) to finish/, output)
    assert.match(output, /the running jobs have finished/, output)
    assert.notMatch(output, /job failed|not reachable/, output)
    await media.refresh()
    assert.equal(media.status, MediaStatus.Ready)
  }).timeout(180_000)
})
