import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { emptyDatabase } from '#tests/helpers/browser'
import { createListing, setPolicy } from '#tests/helpers/commerce'

test.group('Checkout | in the browser', (group) => {
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a guest buys from two sellers with a Jeju address and pays by test card', async ({
    browserContext,
    assert,
  }) => {
    const first = await createListing({ price: 12_000, stock: 5 })
    const second = await createListing({ price: 30_000, stock: 5 })
    await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
    await setPolicy(second.seller, 'domestic', 'flat', { amount: 3000 })
    const page = await browserContext.newPage()

    // Two products of two sellers go into the cart from their product pages.
    await page.goto(`/products/${first.product.slug}`)
    await page.getByLabel('수량').fill('2')
    await page.getByRole('button', { name: '장바구니 담기' }).click()
    await page.assertPath('/cart')
    await page.assertText('[data-test="cart-count"]', '2')
    await page.goto(`/products/${second.product.slug}`)
    await page.getByRole('button', { name: '장바구니 담기' }).click()
    await page.assertPath('/cart')
    await page.assertText('[data-test="cart-count"]', '3')
    await page.assertElementsCount('[data-test="cart-seller"]', 2)

    // The shopper types a Jeju address and re-prices shipping without JavaScript.
    await page.getByRole('button', { name: '주문하기', exact: true }).click()
    await page.assertPath('/checkout')
    await page.getByLabel('이메일').fill('guest@example.com')
    await page.getByLabel('받는 분').fill('홍길동')
    await page.getByLabel('연락처').fill('010-1234-5678')
    await page.getByLabel('우편번호').fill('63100')
    await page.getByLabel('주소 (한국은 도로명 주소)').fill('제주특별자치도 제주시 첨단로 242')
    await page.getByLabel('상세 주소 (동·호수)').fill('101동 1001호')
    // Enter in an address field submits with the form's first button, "배송비 다시 계산",
    // which posts to the quote route: the page comes back re-priced and no order exists.
    const repriced = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/checkout' && response.request().method() === 'GET'
    )
    await page.getByLabel('상세 주소 (동·호수)').press('Enter')
    await repriced
    await page.assertPath('/checkout')
    await page.assertInputValue(page.getByLabel('우편번호'), '63100')
    assert.lengthOf(await Order.all(), 0)
    await page.assertElementsText('[data-test="review-seller"] [data-test="shipping-amount"]', [
      '₩6,000',
      '₩6,000',
    ])
    await page.assertElementsCount(
      '[data-test="review-seller"] [data-test="shipping-breakdown"] li:has-text("제주 추가 배송비")',
      2
    )
    await page.assertText('[data-test="review"] [data-test="grand-total"]', '₩66,000')

    // Place the order with the test card and pay on the sandbox page.
    await page.getByLabel('테스트 카드').check()
    await page.getByRole('button', { name: '₩66,000 주문하기' }).click()
    await page.assertPathContains('/payments/test-card/')
    await page.assertText('[data-test="amount"]', '₩66,000')
    await page.getByLabel('카드 번호').fill('4242 4242 4242 4242')
    await page.getByLabel('유효기간 (MM/YY)').fill('12/34')
    await page.getByLabel('CVC').fill('123')
    await page.getByRole('button', { name: '₩66,000 결제하기' }).click()

    // The order page shows it paid, with both sellers' Jeju surcharges.
    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    await page.assertText('[data-test="order-status"]', '결제 완료')
    await page.assertText('[data-test="payment-status"]', '결제 완료')
    await page.assertElementsText('[data-test="parcel"] [data-test="shipping-amount"]', [
      '₩6,000',
      '₩6,000',
    ])
    await page.assertElementsCount(
      '[data-test="parcel"] [data-test="shipping-breakdown"] li:has-text("제주 추가 배송비")',
      2
    )
    await page.assertText('[data-test="cart-count"]', '0')

    const order = await Order.firstOrFail()
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(order.grandTotal, 66_000)
    assert.equal(order.shippingTotal, 12_000)
  })
})
