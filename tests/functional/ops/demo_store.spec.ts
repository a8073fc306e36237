import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { QueueManager } from '@adonisjs/queue'
import DemoSeeder from '#database/seeders/demo_seeder'
import Media from '#models/media'
import { MediaPipeline } from '#media/media_pipeline'
import { verifyAuditChain } from '#audit/chain_verifier'
import { ProductStatus } from '#lifecycles/product_lifecycle'

/** How many rows each table of the demo has. */
async function census() {
  const count = async (table: string, where: Record<string, string> = {}) => {
    const [row] = await db.from(table).where(where).count('* as total')
    return Number(row.total)
  }
  return {
    users: await count('users'),
    approvedSellers: await count('sellers', { status: 'approved' }),
    pendingSellers: await count('sellers', { status: 'pending' }),
    categories: await count('categories'),
    publishedProducts: await count('products', { status: ProductStatus.Published }),
    variants: await count('product_variants'),
    auditEvents: await count('audit_events'),
    media: await count('media'),
  }
}

test.group('Demo store | seeding', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('seeds a believable store once; a second run changes nothing', async ({ assert }) => {
    const seeder = new DemoSeeder(db.connection())
    await seeder.run()
    const first = await census()

    assert.isAtLeast(first.approvedSellers, 3)
    assert.equal(first.pendingSellers, 1)
    assert.isAtLeast(first.categories, 5)
    assert.isAtLeast(first.publishedProducts, 30)
    assert.isAbove(first.variants, first.publishedProducts)
    assert.containsSubset(await verifyAuditChain(), { ok: true, rows: first.auditEvents })

    // Every product has a photo waiting for the worker; one has a video.
    const withoutPhoto = await db
      .from('products')
      .whereNotExists((query) =>
        query.from('media').whereColumn('media.product_id', 'products.id').where('kind', 'image')
      )
      .count('* as total')
    assert.equal(Number(withoutPhoto[0].total), 0)
    assert.isAbove(first.media, first.publishedProducts)
    const video = await Media.query().where('kind', 'video').firstOrFail()
    QueueManager.fake().assertPushedCount(first.media)

    const logins = await db
      .from('users')
      .whereIn('email', ['admin@example.com', 'seller@example.com', 'customer@example.com'])
      .select('email', 'role')
    assert.sameDeepMembers(logins, [
      { email: 'admin@example.com', role: 'admin' },
      { email: 'seller@example.com', role: 'customer' },
      { email: 'customer@example.com', role: 'customer' },
    ])
    const sellerMember = await db
      .from('seller_members')
      .join('users', 'users.id', 'seller_members.user_id')
      .join('sellers', 'sellers.id', 'seller_members.seller_id')
      .where('users.email', 'seller@example.com')
      .select('sellers.status')
      .first()
    assert.equal(sellerMember.status, 'approved')

    await seeder.run()
    assert.deepEqual(await census(), first)

    // The generated files are real media: the pipeline makes renditions from them.
    const pipeline = await app.container.make(MediaPipeline)
    const photo = await Media.query().where('kind', 'image').firstOrFail()
    assert.equal(await pipeline.process(photo.id), 'processed')
    assert.equal(await pipeline.process(video.id), 'processed')
    await video.refresh()
    assert.closeTo(video.durationMs!, 5000, 100)
  }).timeout(60_000)

  test('runs only in development', ({ assert }) => {
    assert.deepEqual(DemoSeeder.environment, ['development'])
  })
})
