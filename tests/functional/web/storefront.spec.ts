import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'

/** A small catalog: two categories (one below the other), two sellers, mixed statuses. */
async function catalog() {
  const parent = await CategoryFactory.merge({
    slug: 'fashion',
    name: '패션',
    nameEn: 'Fashion',
  }).create()
  const child = await CategoryFactory.merge({
    slug: 'shoes',
    name: '신발',
    nameEn: 'Shoes',
    parentId: parent.id,
  }).create()
  const other = await CategoryFactory.merge({ slug: 'food', name: '식품', nameEn: 'Food' }).create()
  const { seller: shop } = await createSellerOwner()
  const { seller: pendingShop } = await createSellerOwner('pending')
  const published = ProductStatus.Published
  const products = {
    sneakers: await createProduct(shop, child, {
      status: published,
      prices: [65_000, 70_000],
      title: '캔버스 스니커즈',
      titleEn: 'Canvas sneakers',
    }),
    shirt: await createProduct(shop, parent, {
      status: published,
      prices: [30_000],
      title: '옥스퍼드 셔츠',
      titleEn: 'Oxford shirt',
    }),
    tangerines: await createProduct(shop, other, {
      status: published,
      prices: [19_900],
      title: '제주 감귤',
      titleEn: 'Jeju tangerines',
    }),
    draft: await createProduct(shop, parent, {
      status: ProductStatus.Draft,
      title: '임시 스니커즈',
    }),
    inReview: await createProduct(shop, parent, {
      status: ProductStatus.PendingReview,
      title: '심사중 스니커즈',
    }),
    hidden: await createProduct(pendingShop, parent, {
      status: published,
      title: '미승인 판매자 스니커즈',
    }),
  }
  return { parent, child, other, shop, products }
}

test.group('Storefront | browsing and search', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('home shows new products and the category tree', async ({ client }) => {
    await catalog()
    const response = await client.get('/')
    response.assertStatus(200)
    response.assertTextIncludes('캔버스 스니커즈')
    response.assertTextIncludes('패션')
    response.assertTextIncludes('신발')
  })

  test('search finds published products by Korean or English title words', async ({
    client,
    assert,
  }) => {
    await catalog()
    const korean = await client.get('/search').qs({ q: '스니커즈' })
    korean.assertTextIncludes('캔버스 스니커즈')
    assert.notInclude(korean.text(), '임시 스니커즈')
    assert.notInclude(korean.text(), '심사중 스니커즈')
    assert.notInclude(korean.text(), '미승인 판매자 스니커즈')

    const english = await client.get('/search').qs({ q: 'CANVAS' })
    english.assertTextIncludes('캔버스 스니커즈')
    assert.notInclude(english.text(), '옥스퍼드 셔츠')
  })

  test('treats LIKE wildcards in the query as plain characters', async ({ client, assert }) => {
    await catalog()
    const response = await client.get('/search').qs({ q: '%' })
    response.assertStatus(200)
    assert.notInclude(response.text(), '캔버스 스니커즈')
  })

  test('a category page includes products of its subcategories', async ({ client, assert }) => {
    await catalog()
    const response = await client.get('/categories/fashion')
    response.assertStatus(200)
    response.assertTextIncludes('캔버스 스니커즈')
    response.assertTextIncludes('옥스퍼드 셔츠')
    assert.notInclude(response.text(), '제주 감귤')
  })

  test('filters by price range and seller, and sorts by price', async ({ client, assert }) => {
    const { shop } = await catalog()
    const ranged = await client.get('/search').qs({ minPrice: 20_000, maxPrice: 40_000 })
    ranged.assertTextIncludes('옥스퍼드 셔츠')
    assert.notInclude(ranged.text(), '제주 감귤')
    assert.notInclude(ranged.text(), '캔버스 스니커즈')

    const sorted = await client.get(`/sellers/${shop.slug}`).qs({ sort: 'price_asc' })
    const text = sorted.text()
    assert.isBelow(text.indexOf('제주 감귤'), text.indexOf('옥스퍼드 셔츠'))
    assert.isBelow(text.indexOf('옥스퍼드 셔츠'), text.indexOf('캔버스 스니커즈'))
  })

  test('paginates results', async ({ client, assert }) => {
    await catalog()
    const first = await client.get('/search').qs({ perPage: 2, sort: 'price_asc' })
    first.assertTextIncludes('rel="next"')
    assert.include(first.text(), '제주 감귤')
    assert.notInclude(first.text(), '캔버스 스니커즈')

    const second = await client.get('/search').qs({ perPage: 2, sort: 'price_asc', page: 2 })
    second.assertTextIncludes('캔버스 스니커즈')
  })

  test('shows a product with its variants, prices in won and a link to its seller', async ({
    client,
  }) => {
    const { products, shop } = await catalog()
    const response = await client.get(`/products/${products.sneakers.slug}`)
    response.assertStatus(200)
    response.assertTextIncludes('₩65,000')
    response.assertTextIncludes('₩70,000')
    response.assertTextIncludes(`/sellers/${shop.slug}`)
  })

  test('hides unpublished products and products of unapproved sellers (404)', async ({
    client,
  }) => {
    const { products } = await catalog()
    for (const product of [products.draft, products.inReview, products.hidden]) {
      const response = await client.get(`/products/${product.slug}`)
      response.assertStatus(404)
    }
  })

  test('switches the language to English and formats prices for it', async ({ client }) => {
    const { products } = await catalog()
    const switched = await client
      .post('/locale')
      .form({ locale: 'en' })
      .header('referer', '/search?q=canvas&sort=price_asc')
      .withCsrfToken()
      .redirects(0)
    switched.assertStatus(302)
    switched.assertHeader('location', '/search?q=canvas&sort=price_asc')
    switched.assertCookie('jangteo-locale')

    const response = await client
      .get(`/products/${products.sneakers.slug}`)
      .cookie('jangteo-locale', 'en')
    response.assertTextIncludes('Canvas sneakers')
    response.assertTextIncludes('Sold by')
    response.assertTextIncludes('₩65,000')
  })

  test('answers Accept-Language: en in English', async ({ client }) => {
    const response = await client.get('/').header('accept-language', 'en-US,en;q=0.8')
    response.assertTextIncludes('New arrivals')
  })

  test('filters search results by seller', async ({ client, assert }) => {
    const { shop } = await catalog()
    const { seller: rival } = await createSellerOwner()
    const category = await CategoryFactory.create()
    await createProduct(rival, category, {
      status: ProductStatus.Published,
      title: '경쟁 스니커즈',
    })

    const all = await client.get('/search').qs({ q: '스니커즈' })
    all.assertTextIncludes('경쟁 스니커즈')
    all.assertTextIncludes(`value="${shop.slug}"`)

    const filtered = await client.get('/search').qs({ q: '스니커즈', seller: shop.slug })
    filtered.assertTextIncludes('캔버스 스니커즈')
    assert.notInclude(filtered.text(), '경쟁 스니커즈')
  })

  test('treats filter fields left empty as absent', async ({ client }) => {
    await catalog()
    const response = await client
      .get('/search')
      .qs({ q: '스니커즈', category: '', minPrice: '', maxPrice: '', sort: 'newest' })
    response.assertStatus(200)
    response.assertTextIncludes('캔버스 스니커즈')
  })

  test('rejects malformed filters with a 422 and the reason', async ({ client }) => {
    const response = await client.get('/search').qs({ sort: 'random', minPrice: -5 })
    response.assertStatus(422)
    response.assertTextIncludes('선택한 정렬이 올바르지 않습니다')
    response.assertTextIncludes('최저 가격은 0 이상이어야 합니다')
  })
})
