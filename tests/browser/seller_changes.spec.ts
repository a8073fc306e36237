import { test } from '@japa/runner'
import encryption from '@adonisjs/core/services/encryption'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { emptyDatabase, logIn, pageInAnotherBrowser } from '#tests/helpers/browser'

test.group('Seller detail changes | in the browser', (group) => {
  group.each.setup(emptyDatabase)

  test('a seller asks for a new payout account and name; an operator rejects, then approves the next request', async (ctx) => {
    const { browserContext, assert } = ctx
    const admin = await UserFactory.apply('admin').create()
    const { owner, seller } = await createSellerOwner()
    const oldName = seller.name
    const sellerPage = await browserContext.newPage()
    const adminPage = await pageInAnotherBrowser(ctx)

    // The seller changes the store's name and payout account, and its description.
    await logIn(sellerPage, owner.email)
    await sellerPage.goto('/seller/settings')
    await sellerPage.getByLabel('상호 (스토어 이름)').fill('새봄공방')
    await sellerPage.getByLabel('계좌번호').fill('333-0202-778812')
    await sellerPage.getByLabel('스토어 소개').fill('봄에 굽는 그릇')
    await sellerPage.getByRole('button', { name: '저장' }).click()
    await sellerPage.assertTextContains(
      sellerPage.getByRole('status').first(),
      '운영자가 승인하면 반영됩니다'
    )
    await sellerPage.assertTextContains('[data-test="pending-change"] h2', '변경 심사 중')
    await sellerPage.assertTextContains('.subnav strong', oldName)
    await seller.refresh()
    assert.equal(seller.name, oldName)
    assert.equal(seller.description, '봄에 굽는 그릇')

    // The operator finds it from the dashboard and rejects it with a reason.
    await logIn(adminPage, admin.email)
    await adminPage.getByRole('link', { name: /판매자 정보 변경 심사/ }).click()
    await adminPage.getByRole('link', { name: oldName }).click()
    const accountRow = adminPage.locator('tr[data-field="bankAccountNumber"]')
    await adminPage.assertTextContains(accountRow, '****6789')
    await adminPage.assertTextContains(accountRow, '****8812')
    await adminPage.getByLabel('사유').fill('통장 사본을 함께 보내 주세요')
    await adminPage.getByRole('button', { name: '반려' }).click()
    await adminPage.assertTextContains(adminPage.getByRole('status'), '변경 요청을 반려했습니다')

    await sellerPage.reload()
    await sellerPage.assertTextContains('[data-test="decided-change"]', '반려되었습니다')
    await sellerPage.assertTextContains(
      '[data-test="rejection-reason"]',
      '통장 사본을 함께 보내 주세요'
    )

    // The form is back to the values in force; the seller asks again and the operator approves.
    await sellerPage.assertInputValue(sellerPage.getByLabel('상호 (스토어 이름)'), oldName)
    await sellerPage.getByLabel('상호 (스토어 이름)').fill('새봄공방')
    await sellerPage.getByLabel('계좌번호').fill('333-0202-778812')
    await sellerPage.getByRole('button', { name: '저장' }).click()
    await adminPage.goto('/admin/seller-changes')
    await adminPage.getByRole('link', { name: oldName }).click()
    await adminPage.getByRole('button', { name: '승인', exact: true }).click()
    await adminPage.assertTextContains(adminPage.getByRole('status'), '정보 변경을 승인했습니다')

    await sellerPage.reload()
    await sellerPage.assertTextContains('[data-test="decided-change"]', '승인되어 반영되었습니다')
    await sellerPage.assertTextContains('.subnav strong', '새봄공방')
    await seller.refresh()
    assert.equal(seller.name, '새봄공방')
    assert.equal(
      encryption.decrypt(seller.bankAccountNumber, 'seller-bank-account'),
      '333-0202-778812'
    )
  })
})
