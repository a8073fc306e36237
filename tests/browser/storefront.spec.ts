import { test } from '@japa/runner'
import User from '#models/user'
import { CategoryFactory, SellerFactory, createProduct } from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { emptyDatabase, signUp } from '#tests/helpers/browser'

/** Four published products whose titles all contain 스니커즈, from two shops and two categories. */
async function sneakerCatalog() {
  const shoes = await CategoryFactory.merge({
    slug: 'shoes',
    name: '신발',
    nameEn: 'Shoes',
  }).create()
  const socks = await CategoryFactory.merge({
    slug: 'socks',
    name: '양말',
    nameEn: 'Socks',
  }).create()
  const shop = await SellerFactory.merge({ name: '한빛 슈즈', slug: 'hanbit-shoes' }).create()
  const otherShop = await SellerFactory.merge({ name: '가죽공방', slug: 'leather-works' }).create()
  const status = ProductStatus.Published
  await createProduct(shop, shoes, {
    status,
    prices: [65_000, 70_000],
    title: '캔버스 스니커즈',
    titleEn: 'Canvas sneakers',
  })
  await createProduct(shop, shoes, {
    status,
    prices: [89_000],
    title: '러닝 스니커즈',
    titleEn: 'Running sneakers',
  })
  await createProduct(shop, socks, {
    status,
    prices: [9_000],
    title: '스니커즈 양말',
    titleEn: 'Sneaker socks',
  })
  await createProduct(otherShop, shoes, {
    status,
    prices: [129_000],
    title: '가죽 스니커즈',
    titleEn: 'Leather sneakers',
  })
}

test.group('Storefront | in the browser', (group) => {
  group.each.setup(emptyDatabase)

  test('a new customer signs up, narrows a search and follows a product to its seller', async ({
    browserContext,
    assert,
  }) => {
    await sneakerCatalog()
    const page = await browserContext.newPage()

    await signUp(page, { name: '김고객', email: 'customer@example.com', password: 'long-enough-1' })
    await page.assertPath('/')
    await page.assertText('[data-test="account-link"]', '김고객')
    await page.assertText(page.getByRole('status'), '김고객님, 환영합니다!')
    assert.exists(await User.findBy('email', 'customer@example.com'))

    const searchBox = page.getByRole('searchbox', { name: '검색' })
    await searchBox.fill('스니커즈')
    await searchBox.press('Enter')
    await page.assertText('h1', '“스니커즈” 검색 결과')
    await page.assertText('[data-test="result-count"]', '상품 4개')

    await page.getByLabel('카테고리').selectOption({ label: '신발' })
    await page.getByLabel('최저 가격').fill('60000')
    await page.getByLabel('최고 가격').fill('100000')
    await page.getByLabel('정렬').selectOption({ label: '높은 가격순' })
    await page.getByRole('button', { name: '적용' }).click()

    await page.assertQueryString({
      q: '스니커즈',
      category: 'shoes',
      minPrice: '60000',
      maxPrice: '100000',
      sort: 'price_desc',
    })
    await page.assertText('[data-test="result-count"]', '상품 2개')
    await page.assertElementsCount('[data-test="product-card"]', 2)
    await page.assertElementsText('[data-test="product-card"] h3', [
      '러닝 스니커즈',
      '캔버스 스니커즈',
    ])

    await page.getByRole('link', { name: '캔버스 스니커즈' }).click()
    await page.assertText('[data-test="product"] h1', '캔버스 스니커즈')
    await page.assertElementsCount('[data-test="variant"]', 2)
    await page.assertElementsText('[data-test="variant"] .price', ['₩65,000', '₩70,000'])
    await page.assertText('[data-test="seller-link"]', '한빛 슈즈')

    await page.getByRole('link', { name: '한빛 슈즈' }).click()
    await page.assertPath('/sellers/hanbit-shoes')
    await page.assertText('h1', '한빛 슈즈')
    await page.assertElementsCount('[data-test="product-card"]', 3)
    await page.assertNotExists('[data-test="product-card"]:has-text("가죽 스니커즈")')
  })

  test('sorting the results with the price range left blank keeps every match', async ({
    visit,
  }) => {
    await sneakerCatalog()
    const page = await visit('/search?q=스니커즈')
    await page.assertText('[data-test="result-count"]', '상품 4개')

    await page.getByLabel('정렬').selectOption({ label: '낮은 가격순' })
    await page.getByRole('button', { name: '적용' }).click()

    await page.assertQueryString({ sort: 'price_asc' })
    await page.assertText('[data-test="result-count"]', '상품 4개')
    await page.assertElementsCount('[data-test="product-card"]', 4)
    await page.assertElementsText('[data-test="product-card"] h3', [
      '스니커즈 양말',
      '캔버스 스니커즈',
      '러닝 스니커즈',
      '가죽 스니커즈',
    ])
  })

  test('a visitor switches the interface to English and back to Korean', async ({ visit }) => {
    await sneakerCatalog()
    const page = await visit('/')
    await page.assertExists(page.getByRole('heading', { name: '신상품' }))
    await page.assertExists(page.getByRole('link', { name: '로그인', exact: true }))

    await page.getByRole('button', { name: 'English' }).click()
    await page.assertExists(page.getByRole('heading', { name: 'New arrivals' }))
    await page.assertExists(page.getByRole('link', { name: 'Log in', exact: true }))
    await page.assertExists(page.getByRole('searchbox', { name: 'Search' }))

    await page.getByRole('link', { name: 'Canvas sneakers' }).click()
    await page.assertText('[data-test="product"] h1', 'Canvas sneakers')
    await page.assertTextContains('[data-test="product"] .seller', 'Sold by')

    await page.getByRole('button', { name: '한국어' }).click()
    await page.assertText('[data-test="product"] h1', '캔버스 스니커즈')
    await page.assertTextContains('[data-test="product"] .seller', '판매자')
    await page.assertExists(page.getByRole('link', { name: '로그인', exact: true }))
  })

  test('switching the language keeps the visitor on the same search results', async ({ visit }) => {
    await sneakerCatalog()
    const page = await visit('/search?q=canvas')
    await page.assertText('[data-test="product-card"] h3', '캔버스 스니커즈')

    await page.getByRole('button', { name: 'English' }).click()
    await page.assertText('[data-test="result-count"]', '1 product')
    await page.assertQueryString({ q: 'canvas' })
    await page.assertText('h1', 'Results for “canvas”')
    await page.assertText('[data-test="product-card"] h3', 'Canvas sneakers')
  })
})
