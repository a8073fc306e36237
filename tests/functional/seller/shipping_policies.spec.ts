import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import AuditEvent from '#models/audit_event'
import { createSellerOwner } from '#database/factories/index'
import { setPolicy } from '#tests/helpers/commerce'
import { save, versionsOf } from '#tests/functional/seller/shipping_helpers'

test.group('Seller center | shipping policies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('shows the policies in force, store defaults included, with version numbers', async ({
    client,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })

    const response = await client.get('/seller/shipping').loginAs(owner)
    response.assertStatus(200)
    response.assertTextIncludes('고정 배송비')
    response.assertTextIncludes('버전 1')
    response.assertTextIncludes('제주/도서산간 추가 배송비')
    response.assertTextIncludes('스토어 기본값')
    response.assertTextIncludes('name="options[amount]"')
  })

  test('speaks English to an English-speaking seller', async ({ client }) => {
    const { owner } = await createSellerOwner()
    const response = await client
      .get('/seller/shipping')
      .header('accept-language', 'en')
      .loginAs(owner)
    response.assertTextIncludes('Domestic shipping')
    response.assertTextIncludes('Free over an order value')
    response.assertTextIncludes('Shipping fee (KRW)')
  })

  test('the picker shows another policy with its defaults, as rows with spares', async ({
    client,
    assert,
  }) => {
    const { owner } = await createSellerOwner()
    const response = await client.get('/seller/shipping?domestic=tiered').loginAs(owner)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'name="options[tiers][0][minSubtotal]"')
    assert.include(html, 'value="3500"')
    // Three default tiers and two spare rows.
    assert.include(html, 'name="options[tiers][4][amount]"')
    assert.notInclude(html, 'name="options[tiers][5][amount]"')
  })

  test('saves a change as the next version and audits the before/after options', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })

    const response = await save(client, owner, 'domestic', {
      code: 'free_over',
      version: 1,
      options: { amount: '3,000', threshold: '50000' },
    })
    response.assertStatus(302)
    response.assertHeader('location', '/seller/shipping')

    const versions = await versionsOf(seller)
    assert.deepEqual(
      versions.map((row) => [row.version, row.code, row.isCurrent]),
      [
        [1, 'flat', false],
        [2, 'free_over', true],
      ]
    )
    assert.deepEqual(versions[1].options, { amount: 3000, threshold: 50_000 })
    assert.equal(versions[1].createdById, owner.id)

    const event = await AuditEvent.findByOrFail('action', 'shipping_policy.changed')
    assert.equal(event.actorRole, 'seller')
    assert.equal(event.subjectType, 'shipping_policy')
    assert.deepEqual(event.diff, {
      before: { code: 'flat', options: { amount: 3000 }, version: 1 },
      after: { code: 'free_over', options: { amount: 3000, threshold: 50_000 }, version: 2 },
    })
  })

  test('saving identical settings makes no version and no audit entry', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })

    const response = await save(client, owner, 'domestic', {
      code: 'flat',
      version: 1,
      options: { amount: '3000' },
    })
    response.assertStatus(302)
    response.assertFlashMessage('success', '바뀐 내용이 없어 새 버전을 만들지 않았습니다.')
    assert.lengthOf(await versionsOf(seller), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'shipping_policy.changed'), 0)
  })

  test('rejects invalid options with field errors at the rows as posted, writing nothing', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const response = await save(client, owner, 'domestic', {
      code: 'tiered',
      version: 0,
      options: {
        tiers: [
          { minSubtotal: '', amount: '' },
          { minSubtotal: '0', amount: '3000' },
          { minSubtotal: '30000', amount: '-1' },
          { minSubtotal: '70000', amount: '0.5' },
        ],
      },
    })
    response.assertStatus(302)
    const errors = response.flashMessage('inputErrorsBag') as Record<string, string[]>
    assert.sameMembers(Object.keys(errors), ['options.tiers.2.amount', 'options.tiers.3.amount'])
    assert.equal(errors['options.tiers.2.amount'][0], '배송비는 0 이상이어야 합니다')
    assert.lengthOf(await versionsOf(seller), 0)

    const noBase = await save(client, owner, 'domestic', {
      code: 'tiered',
      version: 0,
      options: { tiers: [{ minSubtotal: '30000', amount: '2500' }] },
    })
    assert.deepEqual(Object.keys(noBase.flashMessage('inputErrorsBag')), ['options.tiers'])
    assert.lengthOf(await versionsOf(seller), 0)
    assert.lengthOf(await AuditEvent.query().where('action', 'shipping_policy.changed'), 0)
  })

  test('re-renders the failed section with what was typed and its errors', async ({ client }) => {
    const { owner } = await createSellerOwner()
    const response = await client
      .get('/seller/shipping')
      .withFlashMessages({
        scope: 'domestic',
        code: 'per_item',
        options: { amount: '-5', cap: '' },
        inputErrorsBag: { 'options.amount': ['상품 1개당 배송비는 0 이상이어야 합니다'] },
      })
      .loginAs(owner)
    response.assertStatus(200)
    response.assertTextIncludes('name="options[cap]"')
    response.assertTextIncludes('value="-5"')
    response.assertTextIncludes('data-test="error-options.amount"')
  })

  test('refuses a policy of another scope, an unknown one, or none for domestic', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    for (const code of ['remote_area', 'no_such_policy', '']) {
      const response = await save(client, owner, 'domestic', { code, version: 0 })
      response.assertStatus(302)
      assert.property(response.flashMessage('inputErrorsBag'), 'code', code)
    }
    const unknownScope = await save(client, owner, 'elsewhere', { code: 'flat', version: 0 })
    unknownScope.assertStatus(404)
    assert.lengthOf(await ShippingPolicyVersion.query().where('sellerId', seller.id), 0)
  })

  test('a save from a stale page is refused with a message and writes nothing', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const newer = await save(client, owner, 'domestic', {
      code: 'flat',
      version: 1,
      options: { amount: '3500' },
    })
    newer.assertStatus(302)

    const response = await save(client, owner, 'domestic', {
      code: 'flat',
      version: 1,
      options: { amount: '4000' },
    })
    response.assertStatus(302)
    response.assertHeader('location', '/seller/shipping')
    response.assertFlashMessage(
      'error',
      '다른 곳에서 배송 정책이 먼저 바뀌었습니다. 현재 설정을 확인하고 다시 저장해 주세요.'
    )
    assert.lengthOf(await versionsOf(seller), 2)
  })

  test('stores international zones with their bands, and postal ranges as pairs', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const international = await save(client, owner, 'international', {
      code: 'international_zones',
      version: 0,
      options: {
        zones: [
          { name: '', countries: '', bands: [{ upToGrams: '', amount: '' }] },
          {
            name: 'Japan',
            countries: 'jp,  tw',
            bands: [
              { upToGrams: '', amount: '' },
              { upToGrams: '1000', amount: '20000' },
            ],
          },
        ],
        excludedCountries: 'RU BY',
      },
    })
    international.assertStatus(302)
    const [zones] = await versionsOf(seller, 'international')
    assert.deepEqual(zones.options, {
      zones: [
        { name: 'Japan', countries: ['JP', 'TW'], bands: [{ upToGrams: 1000, amount: 20_000 }] },
      ],
      excludedCountries: ['RU', 'BY'],
    })

    const surcharge = await save(client, owner, 'surcharge', {
      code: 'remote_area',
      version: 0,
      options: {
        jejuAmount: '3000',
        islandAmount: '5000',
        extraRanges: '12345-12399\r\n23456\r\n',
      },
    })
    surcharge.assertStatus(302)
    const [remote] = await versionsOf(seller, 'surcharge')
    assert.deepEqual(remote.options.extraRanges, [
      { from: '12345', to: '12399' },
      { from: '23456', to: '23456' },
    ])
  })

  test('points a nested band error at the zone and band as posted', async ({ client, assert }) => {
    const { owner } = await createSellerOwner()
    const response = await save(client, owner, 'international', {
      code: 'international_zones',
      version: 0,
      options: {
        zones: [
          { name: '', countries: '', bands: [{ upToGrams: '', amount: '' }] },
          {
            name: 'Japan',
            countries: 'JP',
            bands: [
              { upToGrams: '', amount: '' },
              { upToGrams: '1000', amount: 'lots' },
            ],
          },
        ],
        excludedCountries: '',
      },
    })
    assert.deepEqual(response.flashMessage('inputErrorsBag'), {
      'options.zones.1.bands.1.amount': ['배송비는 숫자여야 합니다'],
    })
  })

  test('another seller sees and changes only their own policies', async ({ client, assert }) => {
    const first = await createSellerOwner()
    const second = await createSellerOwner()
    await setPolicy(first.seller, 'domestic', 'flat', { amount: 4321 })

    const page = await client.get('/seller/shipping').loginAs(second.owner)
    page.assertStatus(200)
    assert.notInclude(page.text(), '4321')

    const response = await save(client, second.owner, 'domestic', {
      code: 'flat',
      version: 0,
      options: { amount: '1000' },
    })
    response.assertStatus(302)
    const [mine] = await versionsOf(first.seller)
    assert.deepEqual([mine.version, mine.options, mine.isCurrent], [1, { amount: 4321 }, true])
    const [theirs] = await versionsOf(second.seller)
    assert.deepEqual([theirs.version, theirs.options], [1, { amount: 1000 }])
  })
})
