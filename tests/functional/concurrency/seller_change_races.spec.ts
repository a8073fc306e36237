import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Seller from '#models/seller'
import SellerIdentityChange from '#models/seller_identity_change'
import AuditEvent from '#models/audit_event'
import { UserFactory, businessNumber, createSellerOwner } from '#database/factories/index'
import { changesOf, saveSettings, settingsForm } from '../seller/settings_helpers.js'

/*
 * Sellers' change requests under parallel requests. These tests commit for
 * real, so they truncate the tables instead of rolling back a transaction.
 */
test.group('Concurrency | seller detail changes', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('two operators approving the same new business number for two sellers: one applies, the other gets a field error', async ({
    client,
    assert,
  }) => {
    const [first, second] = await UserFactory.apply('admin').createMany(2)
    const contested = businessNumber()
    const requests: SellerIdentityChange[] = []
    for (let index = 0; index < 2; index++) {
      const { owner, seller } = await createSellerOwner()
      await saveSettings(client, owner, settingsForm(seller, { businessNumber: contested }))
      requests.push(...(await changesOf(seller)))
    }

    const responses = await Promise.all(
      requests.map((request, index) =>
        client
          .post(`/admin/seller-changes/${request.id}/approve`)
          .header('referer', `/admin/seller-changes/${request.id}`)
          .loginAs(index ? second : first)
          .withCsrfToken()
          .redirects(0)
      )
    )

    const locations = responses.map((response) => response.header('location'))
    assert.lengthOf(
      locations.filter((location) => location === '/admin/seller-changes'),
      1
    )
    const refused = responses.find(
      (response) => response.header('location') !== '/admin/seller-changes'
    )!
    assert.deepEqual(refused.flashMessage('inputErrorsBag').businessNumber, [
      '이미 등록된 사업자등록번호입니다',
    ])
    assert.lengthOf(await Seller.query().where('business_number', contested), 1)
    const settled = await SellerIdentityChange.query().orderBy('status')
    assert.deepEqual(
      settled.map((request) => request.status),
      ['approved', 'pending']
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'seller.identity_change_approved'), 1)
  })

  test('a seller saving five different changes at once ends with one pending request', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()

    await Promise.all(
      ['가대표', '나대표', '다대표', '라대표', '마대표'].map((representative) =>
        saveSettings(client, owner, settingsForm(seller, { representative }))
      )
    )

    const requests = await changesOf(seller)
    assert.lengthOf(requests, 5)
    assert.lengthOf(
      requests.filter((request) => request.isPending),
      1
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'seller.identity_change_requested'), 5)
    assert.lengthOf(await AuditEvent.query().where('action', 'seller.identity_change_withdrawn'), 4)
  })
})
