import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import DemoSeeder from '#database/seeders/demo_seeder'
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
  }
}

test.group('Demo store | seeding', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('seeds a believable store once; a second run changes nothing', async ({ assert }) => {
    const seeder = new DemoSeeder(db.connection())
    await seeder.run()
    const first = await census()

    assert.isAtLeast(first.approvedSellers, 3)
    assert.equal(first.pendingSellers, 1)
    assert.isAtLeast(first.categories, 5)
    assert.isAtLeast(first.publishedProducts, 30)
    assert.isAbove(first.variants, first.publishedProducts)
    assert.deepEqual(await verifyAuditChain(), { ok: true, rows: first.auditEvents })

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
  }).timeout(60_000)

  test('runs only in development', ({ assert }) => {
    assert.deepEqual(DemoSeeder.environment, ['development'])
  })
})
