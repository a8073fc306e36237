import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import AccountService from '#services/account_service'
import SellerService from '#services/seller_service'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { actorFor } from '#audit/actor'
import { emptyDatabase } from '#tests/helpers/browser'

test.group('Back office | audit log in the browser', (group) => {
  group.each.setup(emptyDatabase)

  test('an admin filters the audit log by action and sees only matching events', async ({
    browserContext,
    visit,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const accounts = await app.container.make(AccountService)
    const sellers = await app.container.make(SellerService)
    await accounts.register({
      name: '김고객',
      email: 'customer@example.com',
      password: 'long-enough-1',
    })
    const { seller: approved } = await createSellerOwner('pending')
    const { seller: rejected } = await createSellerOwner('pending')
    await sellers.approve(approved, actorFor(admin))
    await sellers.reject(rejected, '사업자등록증 사본이 흐립니다', actorFor(admin))

    await browserContext.loginAs(admin)
    const page = await visit('/admin')
    await page.getByRole('link', { name: '감사 로그' }).click()
    await page.assertText('[data-test="audit-count"]', '이벤트 3건')
    await page.assertElementsCount('tr[data-test="audit-row"]', 3)

    await page.getByLabel('행위', { exact: true }).selectOption('seller.rejected')
    await page.getByRole('button', { name: '조회' }).click()

    await page.assertQueryString({ action: 'seller.rejected' })
    await page.assertText('[data-test="audit-count"]', '이벤트 1건')
    await page.assertSelectedOptions('#audit-action', ['seller.rejected'])
    await page.assertElementsCount('tr[data-test="audit-row"]', 1)
    await page.assertNotExists('tr[data-test="audit-row"]:not([data-action="seller.rejected"])')
    const row = page.locator('tr[data-test="audit-row"][data-action="seller.rejected"]')
    await page.assertTextContains(row, `관리자 #${admin.id}`)
    await page.assertTextContains(row, `판매자 #${rejected.id}`)
    await page.assertTextContains(row, '사업자등록증 사본이 흐립니다')
  })
})
