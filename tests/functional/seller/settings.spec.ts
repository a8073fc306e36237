import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import encryption from '@adonisjs/core/services/encryption'
import { businessNumber, createSellerOwner } from '#database/factories/index'
import {
  NEW_ACCOUNT,
  FACTORY_ACCOUNT,
  changesOf,
  saveSettings,
  sellerAudit,
  settingsForm,
  verifiedDetails,
} from './settings_helpers.js'

const decrypt = (value: string) => encryption.decrypt<string>(value, 'seller-bank-account')

test.group('Seller center | store settings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // A payout account change mails the admins through the queue.
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('saves the contact details and description at once, with no change request', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const response = await saveSettings(
      client,
      owner,
      settingsForm(seller, {
        contactEmail: 'new-desk@example.com',
        contactPhone: '02-555-0100',
        description: '손으로 빚은 생활 도자기',
      })
    )

    response.assertStatus(302)
    response.assertFlashMessage('success', '스토어 설정을 저장했습니다.')
    await seller.refresh()
    assert.equal(seller.contactEmail, 'new-desk@example.com')
    assert.equal(seller.contactPhone, '02-555-0100')
    assert.equal(seller.description, '손으로 빚은 생활 도자기')
    assert.lengthOf(await changesOf(seller), 0)
    const [event] = await sellerAudit(seller, ['seller.profile_updated'])
    assert.equal(event.actorId, owner.id)
    assert.equal(event.diff.after.description, '손으로 빚은 생활 도자기')
  })

  test('sends a new business number, name, representative and account to review and keeps the verified ones in force', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const verified = verifiedDetails(seller)
    const newNumber = businessNumber()
    const response = await saveSettings(
      client,
      owner,
      settingsForm(seller, {
        name: '새이름상회',
        businessNumber: newNumber,
        representative: '박새로',
        bankName: '신한은행',
        bankAccountHolder: '박새로',
        bankAccountNumber: NEW_ACCOUNT,
        description: '바뀐 소개',
      })
    )

    response.assertStatus(302)
    response.assertFlashMessage(
      'success',
      '스토어 설정을 저장했습니다. 사업자 정보와 정산 계좌 변경은 운영자가 승인하면 반영됩니다.'
    )
    await seller.refresh()
    assert.deepEqual(verifiedDetails(seller), verified)
    assert.equal(decrypt(seller.bankAccountNumber), FACTORY_ACCOUNT)
    assert.equal(seller.description, '바뀐 소개')

    const [request] = await changesOf(seller)
    assert.equal(request.status, 'pending')
    assert.equal(request.requestedById, owner.id)
    assert.equal(request.name, '새이름상회')
    assert.equal(request.businessNumber, newNumber)
    assert.equal(request.representative, '박새로')
    assert.equal(request.bankName, '신한은행')
    assert.equal(request.bankAccountLastDigits, '8812')
    assert.notInclude(request.bankAccountNumber, '778812')
    assert.equal(decrypt(request.bankAccountNumber), NEW_ACCOUNT)

    const storefront = await client.get(`/sellers/${seller.slug}`)
    storefront.assertTextIncludes(verified.name)
    assert.notInclude(storefront.text(), '새이름상회')
  })

  test('records the request in the audit log without the account number', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await saveSettings(
      client,
      owner,
      settingsForm(seller, { name: '감사상회', bankAccountNumber: NEW_ACCOUNT })
    )

    const [request] = await changesOf(seller)
    const [event] = await sellerAudit(seller, ['seller.identity_change_requested'])
    assert.equal(event.actorId, owner.id)
    assert.equal(event.actorRole, 'seller')
    assert.deepEqual(event.diff, {
      before: {
        name: seller.name,
        bankAccountLastDigits: '6789',
        bankAccountNumber: '[redacted]',
      },
      after: {
        name: '감사상회',
        bankAccountLastDigits: '8812',
        bankAccountNumber: '[redacted]',
        identityChangeId: request.id,
        identityChangeStatus: 'pending',
      },
    })
    for (const digits of ['778812', '3330202', '123456789']) {
      assert.notInclude(event.changes, digits)
    }
  })

  test('shows the pending request beside the values in force, account numbers masked', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await saveSettings(client, owner, settingsForm(seller, { bankAccountNumber: NEW_ACCOUNT }))

    const page = await client.get('/seller/settings').loginAs(owner)
    const html = page.text()
    assert.include(html, 'data-test="pending-change"')
    assert.include(html, '변경 심사 중')
    assert.match(
      html,
      /data-field="bankAccountNumber"\s+data-changed="true"[\s\S]*?\*\*\*\*6789[\s\S]*?\*\*\*\*8812/
    )
    assert.match(html, /data-field="name"\s+data-changed="false"/)
    // The form holds the requested values, so saving the contact details keeps the request.
    assert.include(html, `value="${NEW_ACCOUNT}"`)
  })

  test('saving the form again with the requested values keeps the one pending request', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const form = settingsForm(seller, { representative: '이대표' })
    await saveSettings(client, owner, form)
    const response = await saveSettings(client, owner, { ...form, description: '소개만 바꿈' })

    response.assertFlashMessage('success', '스토어 설정을 저장했습니다.')
    const requests = await changesOf(seller)
    assert.deepEqual(
      requests.map((request) => request.status),
      ['pending']
    )
    await seller.refresh()
    assert.equal(seller.description, '소개만 바꿈')
  })

  test('a different change replaces the pending request', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    await saveSettings(client, owner, settingsForm(seller, { representative: '이대표' }))
    await saveSettings(client, owner, settingsForm(seller, { representative: '최대표' }))

    const requests = await changesOf(seller)
    assert.deepEqual(
      requests.map((request) => [request.status, request.representative]),
      [
        ['withdrawn', '이대표'],
        ['pending', '최대표'],
      ]
    )
    const events = await sellerAudit(seller, [
      'seller.identity_change_requested',
      'seller.identity_change_withdrawn',
    ])
    assert.deepEqual(
      events.map((event) => event.action),
      [
        'seller.identity_change_requested',
        'seller.identity_change_withdrawn',
        'seller.identity_change_requested',
      ]
    )
  })

  test('restoring the values in force, or the withdraw button, withdraws the request', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await saveSettings(client, owner, settingsForm(seller, { representative: '이대표' }))
    const restored = await saveSettings(client, owner, settingsForm(seller))
    restored.assertFlashMessage(
      'success',
      '심사 중이던 변경 요청을 철회했습니다. 지금의 정보가 그대로 유지됩니다.'
    )

    await saveSettings(client, owner, settingsForm(seller, { representative: '최대표' }))
    const withdrawn = await client
      .post('/seller/settings/withdraw')
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    withdrawn.assertStatus(302)
    withdrawn.assertHeader('location', '/seller/settings')

    const requests = await changesOf(seller)
    assert.deepEqual(
      requests.map((request) => request.status),
      ['withdrawn', 'withdrawn']
    )
    const again = await client
      .post('/seller/settings/withdraw')
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', '심사 중인 변경 요청이 없습니다.')
    const page = await client.get('/seller/settings').loginAs(owner)
    assert.notInclude(page.text(), 'data-test="pending-change"')
  })

  test('refuses a business number another seller registered, and saves nothing of the form', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()
    const response = await saveSettings(
      client,
      owner,
      settingsForm(seller, { businessNumber: other.businessNumber, description: '안 바뀜' })
    )

    response.assertStatus(302)
    assert.deepEqual(response.flashMessage('inputErrorsBag').businessNumber, [
      '이미 등록된 사업자등록번호입니다',
    ])
    await seller.refresh()
    assert.notEqual(seller.description, '안 바뀜')
    assert.lengthOf(await changesOf(seller), 0)
    assert.lengthOf(await sellerAudit(seller, ['seller.profile_updated']), 0)
  })

  test('refuses bad input with a field error and writes nothing', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    const verified = verifiedDetails(seller)
    const cases: [string, Record<string, string>][] = [
      ['businessNumber', { businessNumber: '220-81-62518' }],
      ['name', { name: '상회\u0000' }],
      ['representative', { representative: '대'.repeat(61) }],
      ['name', { name: 'N'.repeat(81) }],
      ['bankAccountHolder', { bankAccountHolder: '예금주\u0000' }],
      ['bankAccountNumber', { bankAccountNumber: '1'.repeat(31) }],
      ['description', { description: '소개'.repeat(1001) }],
    ]
    for (const [field, changes] of cases) {
      const response = await saveSettings(
        client,
        owner,
        settingsForm(seller, { contactPhone: '02-999-9999', ...changes })
      )
      // A NUL may also be refused by the server before validation, with a 400.
      if (response.status() === 400) continue
      response.assertStatus(302)
      response.assertHeader('location', '/seller/settings')
      assert.isArray(response.flashMessage('inputErrorsBag')?.[field], field)
    }

    await seller.refresh()
    assert.deepEqual(verifiedDetails(seller), verified)
    assert.notEqual(seller.contactPhone, '02-999-9999')
    assert.lengthOf(await changesOf(seller), 0)
    assert.lengthOf(
      await sellerAudit(seller, ['seller.profile_updated', 'seller.identity_change_requested']),
      0
    )
  })

  test("another seller neither sees nor withdraws a seller's request", async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    const { owner: otherOwner } = await createSellerOwner()
    await saveSettings(client, owner, settingsForm(seller, { name: '비밀상회' }))

    const page = await client.get('/seller/settings').loginAs(otherOwner)
    assert.notInclude(page.text(), '비밀상회')
    assert.notInclude(page.text(), 'data-test="pending-change"')
    const withdraw = await client
      .post('/seller/settings/withdraw')
      .loginAs(otherOwner)
      .withCsrfToken()
      .redirects(0)
    withdraw.assertFlashMessage('error', '심사 중인 변경 요청이 없습니다.')
    const [request] = await changesOf(seller)
    assert.equal(request.status, 'pending')
  })

  test('keeps customers and members of unapproved sellers out of the settings', async ({
    client,
    assert,
  }) => {
    const { owner: pendingOwner, seller } = await createSellerOwner('pending')
    const response = await saveSettings(client, pendingOwner, settingsForm(seller))
    response.assertHeader('location', '/sell')
    const withdraw = await client
      .post('/seller/settings/withdraw')
      .loginAs(pendingOwner)
      .withCsrfToken()
      .redirects(0)
    withdraw.assertHeader('location', '/sell')
    assert.lengthOf(await changesOf(seller), 0)
  })
})
