import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type Media from '#models/media'
import type Product from '#models/product'
import ProductPublication from '#models/product_publication'
import MediaService from '#services/media_service'
import ProductService from '#services/catalog/product_service'
import { MediaStatus } from '#media/media_status'
import { SYSTEM_ACTOR } from '#audit/actor'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import {
  attachProcessedMedia,
  photoWithGps,
  smallPng,
  testVideo,
} from '#tests/helpers/media_fixtures'

/** Stores an upload without processing it: it waits in the queue. */
async function queuedUpload(product: Product, path: string) {
  const service = await app.container.make(MediaService)
  const { size } = await stat(path)
  return service.upload(product, { path, size, clientName: basename(path) }, SYSTEM_ACTOR)
}

/** A small PNG of its own (the width keeps its content, and hash, unique). */
async function png(name: string, width: number) {
  const { path } = await smallPng(name, width, 80)
  return path
}

/** The review page's gallery items, in page order. */
function reviewItems(html: string): string[] {
  return html.match(/<li\s[^>]*data-test="review-media-item"[\s\S]*?<\/li>/g) ?? []
}

/** A section of the page by its data-test name, tags removed and spaces collapsed. */
function textOf(html: string, dataTest: string) {
  const pattern = new RegExp(`<(\\w+)[^>]*data-test="${dataTest}"[^>]*>[\\s\\S]*?</\\1>`, 'g')
  const blocks = html.match(pattern)
  return (blocks ?? []).map((block) =>
    block
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

async function productInReview() {
  const { seller, owner } = await createSellerOwner()
  const category = await CategoryFactory.merge({ name: '상의', nameEn: 'Tops' }).create()
  const product = await createProduct(seller, category, {
    status: ProductStatus.PendingReview,
    prices: [20_000, 25_000],
    title: '린넨 셔츠',
  })
  return { seller, owner, category, product }
}

test.group('Back office | reviewing a product', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('shows every photo and video: ready ones as customers see them, the others with their state', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { product } = await productInReview()
    const front = await photoWithGps('front.jpg')
    const video = await testVideo('review.mp4', { seconds: 2 })
    await attachProcessedMedia(product, front.path, '정면 사진')
    await attachProcessedMedia(product, video.path)
    await queuedUpload(product, await png('waiting.png', 120))
    const working = await queuedUpload(product, await png('working.png', 122))
    await working.merge({ status: MediaStatus.Processing }).save()
    const failed = await queuedUpload(product, await png('broken.png', 121))
    await failed
      .merge({
        status: MediaStatus.Failed,
        error: 'Input buffer contains unsupported image format',
      })
      .save()

    const page = await client.get(`/admin/products/${product.id}`).loginAs(staff)
    page.assertStatus(200)
    const items = reviewItems(page.text())
    assert.deepEqual(
      items.map((item) => [
        item.match(/data-kind="(\w+)"/)![1],
        item.match(/data-status="(\w+)"/)![1],
      ]),
      [
        ['image', 'ready'],
        ['video', 'ready'],
        ['image', 'queued'],
        ['image', 'processing'],
        ['image', 'failed'],
      ]
    )
    const [photo, player, queued, processing, broken] = items
    assert.match(photo, /<picture>[\s\S]*<source type="image\/avif" srcset="\/media\/[^"]+ 320w/)
    assert.match(photo, /alt="정면 사진"/)
    assert.match(player, /<video[^>]+poster="\/media\/[^"]+\/poster-\d+\.jpg"/)
    assert.match(player, /<source src="\/media\/[^"]+\/video-\d+\.mp4" type="video\/mp4"/)
    assert.include(queued, '대기 중')
    assert.include(queued, 'waiting.png')
    assert.include(queued, '아직 처리되지 않아 미리 볼 수 없습니다.')
    assert.notInclude(queued, '<picture>')
    assert.include(processing, '처리 중')
    assert.include(processing, '아직 처리되지 않아 미리 볼 수 없습니다.')
    assert.include(broken, '실패')
    assert.include(broken, '처리하지 못했습니다: Input buffer contains unsupported image format')
  })

  test('a product never published is reviewed without a comparison', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { product } = await productInReview()
    const page = await client.get(`/admin/products/${product.id}`).loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes('사진이나 동영상이 없습니다.')
    assert.notInclude(page.text(), 'data-test="review-changes"')
  })

  test('publishing keeps what was published, in the same transaction', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { product, category } = await productInReview()
    const photo = await attachProcessedMedia(product, await png('a.png', 100))

    await client.post(`/admin/products/${product.id}/publish`).loginAs(staff).withCsrfToken()
    const publication = await ProductPublication.findByOrFail('productId', product.id)
    await product.refresh()
    assert.equal(publication.publishedById, staff.id)
    assert.equal(publication.publishedAt.toISO(), product.publishedAt!.toISO())
    assert.deepEqual(publication.snapshot, {
      title: '린넨 셔츠',
      titleEn: product.titleEn,
      description: product.description,
      descriptionEn: null,
      categoryId: category.id,
      variants: product.variants.map((variant) => ({
        id: variant.id,
        sku: variant.sku,
        price: variant.price,
        compareAtPrice: null,
        stock: variant.stock,
        weightGrams: variant.weightGrams,
        options: variant.options,
      })),
      media: [
        { id: photo.id, kind: 'image', originalName: 'a.png', contentHash: photo.contentHash },
      ],
    })
  })

  test('a published product edited back into review shows what changed since publication', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { owner, product } = await productInReview()
    const gallery: Media[] = []
    for (const [name, width] of [
      ['a.png', 100],
      ['b.png', 101],
      ['c.png', 102],
    ] as const) {
      gallery.push(await attachProcessedMedia(product, await png(name, width)))
    }
    await client.post(`/admin/products/${product.id}/publish`).loginAs(staff).withCsrfToken()

    // The seller edits the live product: new title and category, one price up,
    // one variant dropped and one added, a photo removed, one added, order changed.
    const seller = { userId: owner.id, role: 'seller' as const }
    const otherCategory = await CategoryFactory.merge({ name: '하의', nameEn: 'Bottoms' }).create()
    const [kept, dropped] = product.variants
    const products = new ProductService()
    await products.update(
      product,
      {
        title: '린넨 셔츠 (여름 한정)',
        categoryId: otherCategory.id,
        variants: [
          { id: kept.id, sku: kept.sku, price: 22_000, stock: kept.stock, options: kept.options },
          { sku: 'LINEN-NEW', price: 30_000, stock: 3, options: { 옵션: '3' } },
        ],
      },
      seller
    )
    const media = await app.container.make(MediaService)
    await media.remove(gallery[0], seller)
    await media.reorder(product, [gallery[2].id, gallery[1].id], seller)
    await queuedUpload(product, await png('d.png', 103))
    await product.refresh()
    assert.equal(product.status, ProductStatus.PendingReview)

    const page = await client.get(`/admin/products/${product.id}`).loginAs(staff)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'data-test="review-changes"')
    assert.deepEqual(textOf(html, 'changed-field'), [
      '상품명 린넨 셔츠 린넨 셔츠 (여름 한정)',
      '카테고리 상의 하의',
    ])
    assert.deepEqual(textOf(html, 'variant-added'), ['추가됨 LINEN-NEW · 3: ₩30,000, 재고 3'])
    assert.deepEqual(textOf(html, 'variant-removed'), [`삭제됨 ${dropped.sku} · 2: ₩25,000`])
    assert.match(
      textOf(html, 'variant-changed')[0],
      new RegExp(`^바뀜 ${kept.sku} · 1 판매가: ₩20,000 → ₩22,000$`)
    )
    assert.deepEqual(textOf(html, 'media-added'), ['추가됨 사진 · d.png'])
    assert.deepEqual(textOf(html, 'media-removed'), ['삭제됨 사진 · a.png'])
    assert.deepEqual(textOf(html, 'media-order-before'), ['사진 · a.png 사진 · b.png 사진 · c.png'])
    assert.deepEqual(textOf(html, 'media-order-after'), ['사진 · c.png 사진 · b.png 사진 · d.png'])
  })
})
