import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import OrderItem from '#models/order_item'
import { emptyDatabase, fillSeoulAddress } from '#tests/helpers/browser'
import { createVariantListing, setPolicy, stockOf } from '#tests/helpers/commerce'

test.group('Checkout | the variant the shopper picks', (group) => {
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a variant other than the first is the one in the cart and on the order', async ({
    browserContext,
    assert,
  }) => {
    const { seller, product, variants } = await createVariantListing([
      { options: { 사이즈: 'S', 색상: '화이트' }, price: 30_000, stock: 5 },
      { options: { 사이즈: 'M', 색상: '블랙' }, price: 31_000, stock: 0 },
      { options: { 사이즈: 'L', 색상: '블루' }, price: 32_000, stock: 5 },
    ])
    const [small, medium, large] = variants
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const page = await browserContext.newPage()

    // The page starts at the first variant in stock and offers no sold-out one.
    await page.goto(`/products/${product.slug}`)
    await page.assertChecked(page.getByLabel('S / 화이트'))
    await page.assertDisabled(page.getByLabel('M / 블랙'))
    await page.assertNotChecked(page.getByLabel('M / 블랙'))

    // The shopper picks L / 블루 and puts it in the cart.
    await page.getByLabel('L / 블루').check()
    await page.getByRole('button', { name: '장바구니 담기' }).click()
    await page.assertPath('/cart')
    await page.assertElementsText('[data-test="cart-line"] [data-test="line-variant"]', [
      'L / 블루',
    ])
    await page.assertElementsText('[data-test="cart-line"] [data-test="line-total"]', ['₩32,000'])

    // Checkout with the test card.
    await page.getByRole('button', { name: '주문하기', exact: true }).click()
    await page.assertPath('/checkout')
    await page.getByLabel('이메일').fill('guest@example.com')
    await fillSeoulAddress(page)
    await page.getByLabel('테스트 카드').check()
    await page.getByRole('button', { name: '₩35,000 주문하기' }).click()
    await page.assertPathContains('/payments/test-card/')
    await page.getByLabel('카드 번호').fill('4242 4242 4242 4242')
    await page.getByLabel('유효기간 (MM/YY)').fill('12/34')
    await page.getByLabel('CVC').fill('123')
    await page.getByRole('button', { name: '₩35,000 결제하기' }).click()

    // The order shows L / 블루, and that variant is the one sold.
    await page.assertPathContains('/orders/')
    await page.assertText('[data-test="order-status"]', '결제 완료')
    await page.assertElementsText('[data-test="order-item"] [data-test="item-variant"]', [
      'L / 블루',
    ])
    const items = await OrderItem.all()
    assert.deepEqual(
      items.map((item) => [item.variantId, item.variantLabel, item.unitPrice, item.quantity]),
      [[large.id, 'L / 블루', 32_000, 1]]
    )
    assert.equal(await stockOf(large.id), 4)
    assert.equal(await stockOf(small.id), 5)
    assert.equal(await stockOf(medium.id), 0)
  })
})
