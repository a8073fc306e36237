import { test } from '@japa/runner'
import type { Page } from 'playwright'
import Seller from '#models/seller'
import Product from '#models/product'
import { CategoryFactory, UserFactory } from '#database/factories/index'
import { SellerStatus } from '#lifecycles/seller_lifecycle'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { emptyDatabase, logIn, pageInAnotherBrowser, signUp } from '#tests/helpers/browser'

/** Fills in the 입점 신청 form with a valid business registration number. */
async function applyToSell(page: Page) {
  await page.getByLabel('상호 (스토어 이름)').fill('한빛공방')
  await page.getByLabel('사업자등록번호').fill('220-81-62517')
  await page.getByLabel('대표자').fill('김한빛')
  await page.getByLabel('담당자 이메일').fill('shop@example.com')
  await page.getByLabel('담당자 연락처').fill('010-1234-5678')
  await page.getByLabel('은행').fill('국민은행')
  await page.getByLabel('예금주').fill('김한빛')
  await page.getByLabel('계좌번호').fill('123456-01-234567')
  await page.getByRole('button', { name: '입점 신청' }).click()
}

/** Fills one row of the variants table. */
async function fillVariant(
  page: Page,
  index: number,
  variant: { sku: string; size: string; price: string; stock: string }
) {
  const row = page.locator('[data-variant-row]').nth(index)
  await row.getByLabel('SKU').fill(variant.sku)
  await row.getByLabel('옵션 1', { exact: true }).fill(variant.size)
  await row.getByLabel('판매가').fill(variant.price)
  await row.getByLabel('재고').fill(variant.stock)
}

test.group('Selling | from application to the storefront', (group) => {
  group.each.setup(emptyDatabase)

  test('a seller applies, is approved, lists a product with two sizes, and shoppers find it once published', async (ctx) => {
    const { browserContext, assert } = ctx
    await CategoryFactory.merge({ slug: 'clothing', name: '의류', nameEn: 'Clothing' }).create()
    const admin = await UserFactory.apply('admin').merge({ email: 'admin@example.com' }).create()
    const sellerPage = await browserContext.newPage()
    const adminPage = await pageInAnotherBrowser(ctx)
    const shopperPage = await pageInAnotherBrowser(ctx)

    // The applicant signs up and applies to sell.
    await signUp(sellerPage, {
      name: '김한빛',
      email: 'hanbit@example.com',
      password: 'long-enough-1',
    })
    await sellerPage.getByRole('link', { name: '판매자 센터' }).click()
    await sellerPage.assertPath('/sell')
    await applyToSell(sellerPage)
    await sellerPage.assertText(
      sellerPage.getByRole('status'),
      '입점 신청을 접수했습니다. 곧 심사하겠습니다.'
    )
    await sellerPage.assertText(
      '[data-test="application-status"] [data-test="status"]',
      '심사 대기'
    )

    // An operator signs in and approves the application.
    await logIn(adminPage, admin.email)
    await adminPage.assertPath('/admin')
    await adminPage.getByRole('link', { name: '입점 심사', exact: true }).click()
    await adminPage.getByRole('link', { name: '한빛공방' }).click()
    await adminPage.assertTextContains('h1', '심사 대기')
    await adminPage.getByRole('button', { name: '승인', exact: true }).click()
    await adminPage.assertText(adminPage.getByRole('status'), '한빛공방을 승인했습니다.')
    const seller = await Seller.findByOrFail('name', '한빛공방')
    assert.equal(seller.status, SellerStatus.Approved)

    // The seller creates a product with two sizes, the second in a row added by the button.
    await sellerPage.getByRole('link', { name: '판매자 센터' }).click()
    await sellerPage.assertPath('/seller')
    await sellerPage
      .getByRole('navigation', { name: '판매자 센터' })
      .getByRole('link', { name: '상품 등록' })
      .click()
    await sellerPage.getByLabel('상품명', { exact: true }).fill('린넨 반팔 셔츠')
    await sellerPage.getByLabel('영문 상품명').fill('Linen short-sleeve shirt')
    await sellerPage.getByLabel('카테고리').selectOption({ label: '의류' })
    await sellerPage.getByLabel('옵션 1 이름').fill('사이즈')
    await sellerPage.assertElementsCount('[data-variant-row]', 1)
    await fillVariant(sellerPage, 0, { sku: 'LINEN-S', size: 'S', price: '39000', stock: '10' })
    await sellerPage.getByRole('button', { name: '품목 추가' }).click()
    await sellerPage.assertElementsCount('[data-variant-row]', 2)
    await fillVariant(sellerPage, 1, { sku: 'LINEN-M', size: 'M', price: '41000', stock: '3' })
    await sellerPage.getByRole('button', { name: '저장' }).click()

    await sellerPage.assertText(sellerPage.getByRole('status'), '상품을 저장했습니다.')
    await sellerPage.assertText('.product-status [data-test="status"]', '임시저장')
    await sellerPage.getByRole('button', { name: '심사 요청' }).click()
    await sellerPage.assertText(sellerPage.getByRole('status'), '상품 심사를 요청했습니다.')
    await sellerPage.assertText('.product-status [data-test="status"]', '심사중')

    // The operator publishes it from the review queue.
    await adminPage.getByRole('link', { name: '상품 심사', exact: true }).click()
    await adminPage.getByRole('link', { name: '린넨 반팔 셔츠' }).click()
    await adminPage.assertTextContains('h1', '심사중')
    await adminPage.getByRole('button', { name: '게시 승인' }).click()
    await adminPage.assertText(
      adminPage.getByRole('status'),
      '“린넨 반팔 셔츠” 상품을 게시했습니다.'
    )
    const product = await Product.query()
      .where('seller_id', seller.id)
      .preload('variants')
      .firstOrFail()
    assert.equal(product.status, ProductStatus.Published)
    assert.deepEqual(
      product.variants.map((variant) => [
        variant.sku,
        variant.options,
        variant.price,
        variant.stock,
      ]),
      [
        ['LINEN-S', { 사이즈: 'S' }, 39_000, 10],
        ['LINEN-M', { 사이즈: 'M' }, 41_000, 3],
      ]
    )

    // A shopper finds it with the header search and sees both sizes.
    await shopperPage.goto('/')
    await shopperPage.getByRole('searchbox', { name: '검색' }).fill('린넨')
    await shopperPage.getByRole('button', { name: '검색', exact: true }).click()
    await shopperPage.assertText('[data-test="result-count"]', '상품 1개')
    await shopperPage.getByRole('link', { name: '린넨 반팔 셔츠' }).click()
    await shopperPage.assertText('[data-test="product"] h1', '린넨 반팔 셔츠')
    await shopperPage.assertElementsCount('[data-test="variant"]', 2)
    await shopperPage.assertElementsText('[data-test="variant"] .label', ['S', 'M'])
    await shopperPage.assertElementsText('[data-test="variant"] .price', ['₩39,000', '₩41,000'])
    await shopperPage.assertElementsText('[data-test="variant"] .stock', ['재고 있음', '3개 남음'])
    await shopperPage.assertText('[data-test="seller-link"]', '한빛공방')
  })
})
