import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { MediaManager } from '#media/media_manager'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { fileWith, photoWithGps, pngBomb, smallPng, testVideo } from '#tests/helpers/media_fixtures'
import { countRows, errorsOf } from '../api/helpers.js'

/** Every file under the media storage root (originals and renditions). */
async function storedFiles() {
  const root = app.makePath('tmp/test-storage')
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true })
    return entries.filter((entry) => entry.isFile()).length
  } catch {
    return 0
  }
}

async function sellerProduct() {
  const { owner, seller } = await createSellerOwner()
  const category = await CategoryFactory.create()
  const product = await createProduct(seller, category, { status: ProductStatus.Draft })
  return { owner, product }
}

test.group('Media uploads | hostile and invalid files', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  /**
   * Uploads `path` as `filename` and checks the 422: the rule, a message that
   * names the limit, and that no row, no file and no job was written.
   */
  async function assertRejected(
    client: any,
    assert: any,
    path: string | Buffer,
    filename: string,
    code: string,
    message: RegExp
  ) {
    const { owner, product } = await sellerProduct()
    const filesBefore = await storedFiles()
    const response = await client
      .post(`/api/v1/seller/products/${product.id}/media`)
      .file('file', path, { filename })
      .header('Accept-Language', 'en')
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'file', code }])
    assert.match(response.body().errors[0].message, message)
    assert.equal(await countRows('media'), 0)
    assert.equal(await storedFiles(), filesBefore, 'nothing stored')
    QueueManager.fake().assertNothingPushed()
  }

  test('a decompression bomb PNG is refused from its header, naming the pixel limit', async ({
    client,
    assert,
  }) => {
    const bomb = await pngBomb()
    assert.isBelow(bomb.data.length, 200_000, 'small on disk, 64 MP decoded')
    await assertRejected(
      client,
      assert,
      bomb.path,
      'bomb.png',
      'too_many_pixels',
      /8000 × 8000.*50 MP/
    )
  })

  test('an HTML file named .jpg is refused by its content', async ({ client, assert }) => {
    const html = await fileWith('index.jpg', '<!doctype html><script>alert(1)</script>')
    await assertRejected(
      client,
      assert,
      html.path,
      'photo.jpg',
      'unsupported_type',
      /not supported/
    )
  })

  test('an HLS playlist named .mp4 that points at a local file is refused', async ({
    client,
    assert,
  }) => {
    const playlist = await fileWith(
      'playlist.mp4',
      '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n'
    )
    await assertRejected(client, assert, playlist.path, 'movie.mp4', 'unsupported_type', /MP4/)
  })

  test('an MP4 header followed by a concat script is refused when ffprobe reads it', async ({
    client,
    assert,
  }) => {
    // Looks like MP4 to a magic-byte check, but is not a readable movie.
    const fake = Buffer.concat([
      Buffer.from('0000001c667479706d703432000000006d703432697369736f6d', 'hex'),
      Buffer.from("ffconcat version 1.0\nfile '/etc/passwd'\n"),
    ])
    await assertRejected(client, assert, fake, 'clip.mp4', 'corrupt_file', /could not be read/)
  })

  test('a truncated JPEG is refused', async ({ client, assert }) => {
    const photo = await photoWithGps('whole.jpg')
    const truncated = photo.data.subarray(0, Math.floor(photo.data.length * 0.6))
    await assertRejected(client, assert, truncated, 'cut.jpg', 'corrupt_file', /truncated|damaged/)
  })

  test('a zero-byte file is refused', async ({ client, assert }) => {
    const empty = await fileWith('empty.jpg', '')
    await assertRejected(client, assert, empty.path, 'empty.jpg', 'empty_file', /empty/)
  })

  test('a video over the duration limit is refused, naming the limit', async ({
    client,
    assert,
  }) => {
    const manager = await app.container.make(MediaManager)
    const limit = manager.config.limits.videoSeconds
    manager.config.limits.videoSeconds = 2
    try {
      const video = await testVideo('long.mp4', { seconds: 4, width: 160, height: 120 })
      await assertRejected(
        client,
        assert,
        video.path,
        'long.mp4',
        'video_too_long',
        /4 s.*2 s limit/
      )
    } finally {
      manager.config.limits.videoSeconds = limit
    }
  })

  test('a file over the size limit is refused, naming the limit', async ({ client, assert }) => {
    const manager = await app.container.make(MediaManager)
    const limit = manager.config.limits.imageBytes
    manager.config.limits.imageBytes = 1024
    try {
      const photo = await photoWithGps('big.jpg')
      await assertRejected(
        client,
        assert,
        photo.path,
        'big.jpg',
        'file_too_large',
        /larger than the 1 KB limit/
      )
    } finally {
      manager.config.limits.imageBytes = limit
    }
  })

  test('the temporary upload file is deleted, accepted or refused', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { owner, product } = await sellerProduct()
    // A temp directory of its own: other runs on this machine share the OS one.
    const previous = process.env.TMPDIR
    const temp = await mkdtemp(join(tmpdir(), 'jangteo-hostile-uploads-'))
    process.env.TMPDIR = temp
    cleanup(async () => {
      if (previous === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = previous
      await rm(temp, { recursive: true, force: true })
    })
    const good = await smallPng('temp-ok.png', 90, 70)
    const bad = await fileWith('temp-bad.jpg', '<html></html>')
    for (const path of [good.path, bad.path]) {
      await client
        .post(`/api/v1/seller/products/${product.id}/media`)
        .file('file', path)
        .withGuard('api')
        .loginAs(owner)
    }
    assert.deepEqual(await readdir(temp), [])
  })

  test('a missing file field is a 422 on `file`', async ({ client, assert }) => {
    const { owner, product } = await sellerProduct()
    const response = await client
      .post(`/api/v1/seller/products/${product.id}/media`)
      .field('alt', 'no file')
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), [{ field: 'file', code: 'required' }])
  })

  test('the same file twice and the per-product limit are refused', async ({ client, assert }) => {
    const { owner, product } = await sellerProduct()
    const png = await smallPng('once.png')
    const upload = () =>
      client
        .post(`/api/v1/seller/products/${product.id}/media`)
        .file('file', png.path)
        .withGuard('api')
        .loginAs(owner)
    const first = await upload()
    first.assertStatus(202)
    const again = await upload()
    again.assertStatus(422)
    assert.deepEqual(errorsOf(again), [{ field: 'file', code: 'duplicate_media' }])

    const manager = await app.container.make(MediaManager)
    const limit = manager.config.limits.filesPerProduct
    manager.config.limits.filesPerProduct = 1
    try {
      const other = await smallPng('other.png', 120, 90)
      const full = await client
        .post(`/api/v1/seller/products/${product.id}/media`)
        .file('file', other.path)
        .header('Accept-Language', 'en')
        .withGuard('api')
        .loginAs(owner)
      full.assertStatus(422)
      assert.deepEqual(errorsOf(full), [{ field: 'file', code: 'too_many_files' }])
      assert.match(full.body().errors[0].message, /at most 1 /)
    } finally {
      manager.config.limits.filesPerProduct = limit
    }
    assert.equal(await countRows('media'), 1)
  })

  test('the Korean error names the limit too', async ({ client, assert }) => {
    const { owner, product } = await sellerProduct()
    const bomb = await pngBomb()
    const response = await client
      .post(`/api/v1/seller/products/${product.id}/media`)
      .file('file', bomb.path)
      .header('Accept-Language', 'ko')
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(422)
    assert.match(response.body().errors[0].message, /8000 × 8000 픽셀.*50 MP/)
  })
})
