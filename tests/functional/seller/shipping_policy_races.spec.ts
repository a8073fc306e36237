import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import { createSellerOwner } from '#database/factories/index'
import { setPolicy } from '#tests/helpers/commerce'
import { save, versionsOf } from '#tests/functional/seller/shipping_helpers'

/*
 * These tests commit for real and send requests in parallel, so they
 * truncate the tables instead of rolling back a transaction.
 */
test.group('Seller center | shipping policies saved at once', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('two saves of the same version at once make exactly one new current version', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })

    const responses = await Promise.all(
      ['3500', '4000'].map((amount) =>
        save(client, owner, 'domestic', { code: 'flat', version: 1, options: { amount } })
      )
    )
    // One is saved; the other is sent back with the "changed meanwhile" message.
    assert.deepEqual(responses.map((response) => Boolean(response.flashMessage('error'))).sort(), [
      false,
      true,
    ])
    const versions = await versionsOf(seller)
    assert.lengthOf(versions, 2)
    assert.lengthOf(
      versions.filter((row) => row.isCurrent),
      1
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'shipping_policy.changed'), 1)
  })

  test('two first saves at once over the store defaults make exactly one version', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const responses = await Promise.all(
      ['3500', '4000'].map((amount) =>
        save(client, owner, 'domestic', { code: 'flat', version: 0, options: { amount } })
      )
    )
    // One is saved; the other is sent back with the "changed meanwhile" message.
    assert.deepEqual(responses.map((response) => Boolean(response.flashMessage('error'))).sort(), [
      false,
      true,
    ])
    const versions = await versionsOf(seller)
    assert.deepEqual(
      versions.map((row) => [row.version, row.isCurrent]),
      [[1, true]]
    )
  })
})
