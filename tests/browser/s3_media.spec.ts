import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import Database from 'better-sqlite3'
import { photoWithGps } from '#tests/helpers/media_fixtures'
import { freePort, runNode, startNode, type RunningProcess } from '#tests/helpers/processes'
import { startS3Server } from '#tests/fixtures/servers/s3_server'

/** The part of an <img> the page is asked about (the tests have no DOM types). */
interface Img {
  complete: boolean
  currentSrc: string
  naturalWidth: number
}

const PUBLIC_BUCKET = 'jangteo-media'
const PRIVATE_BUCKET = 'jangteo-originals'

/** Polls until `check` holds, for up to `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms: number) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

/**
 * The shop as an operator moves it to S3: the demo store runs on the local
 * disk, `node ace media:migrate --to=s3` copies its files, and the store
 * restarted with DRIVE_DISK=s3 serves every image from the bucket (through
 * the page's CSP) and stores new uploads there. The buckets are a local
 * S3-compatible server that records what the app sends it.
 */
test.group('Media on S3 | an S3-compatible server the test starts', (group) => {
  let s3: Awaited<ReturnType<typeof startS3Server>>
  let server: RunningProcess | undefined
  let envDir: string
  const scratch = `tmp/s3-media-${randomBytes(4).toString('hex')}`
  const database = `${scratch}/shop.sqlite3`

  group.setup(async () => {
    s3 = await startS3Server([PUBLIC_BUCKET, PRIVATE_BUCKET])
    envDir = await mkdtemp(join(tmpdir(), 'jangteo-s3-env-'))
    await mkdir(app.makePath(scratch), { recursive: true })
    return async () => {
      await server?.stop()
      await s3.stop()
      await rm(envDir, { recursive: true, force: true })
      await rm(app.makePath(scratch), { recursive: true, force: true })
    }
  })

  /** The store's environment: the scratch database and media folder, and the buckets. */
  function storeEnv(disk: 'fs' | 's3', port: number) {
    return {
      ENV_PATH: envDir,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DB_CONNECTION: 'sqlite',
      SQLITE_PATH: database,
      MEDIA_STORAGE_PATH: `${scratch}/media`,
      AUDIT_ANCHOR_PATH: `${scratch}/anchors.jsonl`,
      QUEUE_DRIVER: 'database',
      QUEUE_WORKER: 'embedded',
      LIMITER_STORE: 'memory',
      MAIL_MAILER: 'preview',
      DRIVE_DISK: disk,
      S3_BUCKET: PUBLIC_BUCKET,
      S3_PRIVATE_BUCKET: PRIVATE_BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: s3.url,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_URL: `${s3.url}/${PUBLIC_BUCKET}`,
    }
  }

  async function start(disk: 'fs' | 's3') {
    const port = await freePort()
    const started = await startNode(
      ['bin/start.js'],
      storeEnv(disk, port),
      // The logger and the banner write independently: either may come first.
      /^(?=[\s\S]*Demo logins)[\s\S]*started HTTP server on/,
      240_000
    )
    server = started.process
    return `http://127.0.0.1:${port}`
  }

  /** Media rows by status, read from the store's SQLite file. */
  function mediaByStatus() {
    const shop = new Database(app.makePath(database), { readonly: true })
    try {
      const rows = shop.prepare('select status, count(*) as n from media group by status').all()
      return Object.fromEntries(rows.map((row: any) => [row.status, row.n])) as Record<
        string,
        number
      >
    } finally {
      shop.close()
    }
  }

  function storedKeys() {
    const shop = new Database(app.makePath(database), { readonly: true })
    try {
      return {
        originals: shop.prepare('select original_key as key from media').all() as { key: string }[],
        renditions: shop.prepare('select distinct key from media_renditions').all() as {
          key: string
        }[],
      }
    } finally {
      shop.close()
    }
  }

  async function bucketKeys(bucket: string) {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.url,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token })
      )
      keys.push(...(page.Contents ?? []).map((entry) => entry.Key!))
      token = page.NextContinuationToken
    } while (token)
    return keys
  }

  test('the demo store moves to S3 and serves its images from the bucket under the CSP', async ({
    browserContext,
    assert,
  }) => {
    // 1. The demo store on the local disk, its photos and video processed.
    await start('fs')
    assert.isTrue(
      await eventually(() => {
        const counts = mediaByStatus()
        return (counts.ready ?? 0) > 0 && Object.keys(counts).every((status) => status === 'ready')
      }, 240_000),
      `demo media not all ready: ${JSON.stringify(mediaByStatus())}`
    )
    await server!.stop()
    server = undefined

    // 2. Its files are copied to the buckets, keys unchanged; a second run copies nothing.
    const keys = storedKeys()
    const migrate = await runNode(['ace', 'media:migrate', '--to=s3'], storeEnv('fs', 0))
    assert.equal(migrate.code, 0, migrate.output)
    const total = keys.originals.length + keys.renditions.length
    assert.include(migrate.output, `Copied ${total} file(s) from fs to s3`)
    assert.sameMembers(
      await bucketKeys(PUBLIC_BUCKET),
      keys.renditions.map((row) => row.key)
    )
    assert.sameMembers(
      await bucketKeys(PRIVATE_BUCKET),
      keys.originals.map((row) => row.key)
    )
    const again = await runNode(['ace', 'media:migrate', '--to=s3'], storeEnv('fs', 0))
    assert.include(again.output, `Copied 0 file(s) from fs to s3; ${total} already there`)

    // 3. On S3 the product page loads every image from the bucket, with no CSP violation.
    const base = await start('s3')
    const page = await browserContext.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(`${base}/`)
    const productLink = page.locator('a[href^="/products/"]').first()
    await page.goto(`${base}${await productLink.getAttribute('href')}`)
    // Lazy images load once scrolled to; the blurred placeholders are inline data.
    const pictures = page.locator('main img:not(.media-placeholder)')
    for (let index = 0; index < (await pictures.count()); index++) {
      await pictures.nth(index).scrollIntoViewIfNeeded()
    }
    const loaded = () =>
      pictures.evaluateAll((elements: Img[]) =>
        elements.map((image) => ({
          src: image.currentSrc,
          width: image.complete ? image.naturalWidth : -1,
        }))
      )
    await eventually(async () => {
      const now = await loaded()
      return now.every((image) => image.width >= 0)
    }, 30_000)
    const images = await loaded()
    assert.isAbove(images.length, 0)
    for (const image of images) {
      assert.isTrue(image.src.startsWith(`${s3.url}/${PUBLIC_BUCKET}/media/`), image.src)
      assert.isAbove(image.width, 0, `${image.src} did not load`)
    }
    assert.deepEqual(errors, [])

    // 4. A new upload is stored on S3: its original privately, its renditions publicly.
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ email: 'seller@example.com', password: 'jangteo-demo' }),
    })
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `Bearer ${token}`, accept: 'application/json' }
    const products = await fetch(`${base}/api/v1/seller/products`, { headers: auth })
    const [product] = ((await products.json()) as { data: { id: number }[] }).data
    const photo = await photoWithGps(`s3-upload-${randomBytes(3).toString('hex')}.jpg`, 800, 600)
    const form = new FormData()
    form.append('file', new Blob([await readFile(photo.path)], { type: 'image/jpeg' }), 'new.jpg')
    const upload = await fetch(`${base}/api/v1/seller/products/${product.id}/media`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    assert.equal(upload.status, 202, await upload.clone().text())
    const { data: uploaded } = (await upload.json()) as { data: { id: number } }
    assert.isTrue(
      await eventually(async () => {
        const media = await fetch(`${base}/api/v1/seller/products/${product.id}/media`, {
          headers: auth,
        })
        const list = ((await media.json()) as { data: { id: number; status: string }[] }).data
        return list.find((item) => item.id === uploaded.id)?.status === 'ready'
      }, 120_000),
      'the uploaded photo was processed'
    )
    const after = storedKeys()
    assert.sameMembers(
      await bucketKeys(PUBLIC_BUCKET),
      after.renditions.map((row) => row.key)
    )
    assert.sameMembers(
      await bucketKeys(PRIVATE_BUCKET),
      after.originals.map((row) => row.key)
    )

    // Nothing asked for an ACL, and no body was sent aws-chunked.
    const writes = s3.requests.filter((request) => request.method === 'PUT')
    assert.isAbove(writes.length, total)
    for (const write of writes) {
      assert.notProperty(write.headers, 'x-amz-acl', write.path)
      assert.notInclude(String(write.headers['content-encoding'] ?? ''), 'aws-chunked')
      assert.notProperty(write.headers, 'x-amz-decoded-content-length', write.path)
    }
  }).timeout(900_000)
})
