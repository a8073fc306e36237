import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import AuditEvent from '#models/audit_event'
import { appendAuditEntry } from '#audit/audit_log'
import { verifyAuditChain } from '#audit/chain_verifier'
import { SYSTEM_ACTOR } from '#audit/actor'
import {
  CategoryFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'

/*
 * These tests commit for real and run requests in parallel, so they truncate
 * the tables instead of rolling back a transaction.
 */
test.group('Concurrency | racing requests', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('two operators publishing the same product at once: one wins, one gets 409', async ({
    client,
    assert,
  }) => {
    const [first, second] = await UserFactory.apply('staff').createMany(2)
    const { seller } = await createSellerOwner()
    const product = await createProduct(seller, await CategoryFactory.create(), {
      status: ProductStatus.PendingReview,
    })

    const responses = await Promise.all(
      [first, second, first, second].map((staff) =>
        client.post(`/api/v1/admin/products/${product.id}/publish`).withGuard('api').loginAs(staff)
      )
    )
    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [200, 409, 409, 409])
    assert.lengthOf(await AuditEvent.query().where('action', 'product.published'), 1)
  })

  test('the same email signing up five times at once creates one account', async ({
    client,
    assert,
  }) => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post('/api/v1/auth/register')
          .json({ email: 'race@example.com', password: 'long-enough-1', name: 'Racer' })
      )
    )
    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [201, 422, 422, 422, 422])
    for (const response of responses.filter((candidate) => candidate.status() === 422)) {
      assert.equal(response.body().errors[0].field, 'email')
    }
    assert.lengthOf(await User.query().where('email', 'race@example.com'), 1)
  })

  test('parallel appends keep the audit chain whole, with gapless ids', async ({ assert }) => {
    await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        db.transaction((trx) =>
          appendAuditEntry(
            trx,
            {
              action: 'product.updated',
              actor: SYSTEM_ACTOR,
              subjectType: 'product',
              subjectId: index,
              change: { before: {}, after: { index } },
            },
            { ip: null, userAgent: null, requestId: null }
          )
        )
      )
    )
    const rows = await db.from('audit_events').select('id').orderBy('id')
    const ids = rows.map((row) => Number(row.id))
    assert.deepEqual(
      ids,
      Array.from({ length: 25 }, (_, index) => index + 1)
    )
    assert.containsSubset(await verifyAuditChain(), { ok: true, rows: 25 })
  })
})
