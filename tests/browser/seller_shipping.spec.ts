import { test } from '@japa/runner'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { emptyDatabase, logIn, pageInAnotherBrowser } from '#tests/helpers/browser'
import { setPolicy } from '#tests/helpers/commerce'

test.group('Seller center | shipping policies in the browser', (group) => {
  group.each.setup(emptyDatabase)

  test('a seller switches to free shipping over 50,000 won and the admin sees it in the audit log', async (ctx) => {
    const { browserContext, assert } = ctx
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const admin = await UserFactory.apply('admin').create()

    // The seller picks 조건부 무료배송 (no JavaScript: the picker reloads the page) and saves.
    await browserContext.loginAs(owner)
    const page = await browserContext.newPage()
    await page.goto('/seller')
    await page.getByRole('link', { name: '배송 정책' }).click()
    await page.assertPath('/seller/shipping')
    await page.assertTextContains('[data-test="in-force-domestic"]', '고정 배송비')
    await page.getByLabel('배송 정책').first().selectOption('free_over')
    await page.locator('[data-test="pick-domestic"]').click()
    await page.assertQueryString({ domestic: 'free_over' })

    const form = page.locator('[data-test="form-domestic"]')
    await form.getByLabel('배송비').fill('3000')
    await form.getByLabel('무료배송 기준 금액').fill('50000')
    await form.getByRole('button', { name: '저장' }).click()

    await page.assertPath('/seller/shipping')
    await page.assertText(page.getByRole('status'), '배송 정책을 저장했습니다 (버전 2).')
    await page.assertTextContains('[data-test="in-force-domestic"]', '조건부 무료배송')
    await page.assertTextContains('[data-test="version-domestic"]', '버전 2')
    const current = await ShippingPolicyVersion.query()
      .where({ sellerId: seller.id, scope: 'domestic', isCurrent: true })
      .firstOrFail()
    assert.deepEqual(current.options, { amount: 3000, threshold: 50_000 })

    // The simulator prices a 60,000 won cart with the new policy: free, plus the Jeju surcharge.
    const quote = page.locator('[data-test="quote"]')
    await quote.getByLabel('수량').first().fill('2')
    await quote.getByLabel('단가').first().fill('30000')
    await quote.getByLabel('우편번호').fill('63100')
    await quote.getByRole('button', { name: '배송비 계산' }).click()
    await page.assertText('[data-test="quote-fee"]', '₩3,000')
    await page.assertTextContains('[data-test="quote-breakdown"]', '조건부 무료배송')
    await page.assertTextContains('[data-test="quote-breakdown"]', '제주 추가 배송비')

    // The admin finds the change, with the options before and after, in the audit log.
    const adminPage = await pageInAnotherBrowser(ctx)
    await logIn(adminPage, admin.email)
    await adminPage.goto('/admin/audit?action=shipping_policy.changed')
    await adminPage.assertElementsCount('tr[data-test="audit-row"]', 1)
    const row = adminPage.locator('tr[data-action="shipping_policy.changed"]')
    await adminPage.assertTextContains(row, `판매자 #${owner.id}`)
    await adminPage.assertTextContains(row, '"flat"')
    await adminPage.assertTextContains(row, '"free_over"')
    await adminPage.assertTextContains(row, '{"amount":3000}')
    await adminPage.assertTextContains(row, '{"amount":3000,"threshold":50000}')
  })
})
