import { test } from '@japa/runner'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import SavedPaymentMethod from '#models/saved_payment_method'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { customerWithProduct, emptyDatabase, toCheckout } from '#tests/helpers/browser'

test.group('One-click checkout | in the browser', (group) => {
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a customer saves a card, sees it in the account, buys again in one click and removes it', async ({
    browserContext,
    assert,
  }) => {
    const { page, slug } = await customerWithProduct(browserContext)

    // First purchase: the test card, with "save for next time" ticked.
    await toCheckout(page, slug)
    await page.getByLabel('테스트 카드').check()
    await page.getByLabel('다음 결제를 위해 이 결제수단 저장').check()
    await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
    await page.assertPathContains('/payments/test-card/')
    await page.assertText(
      '[data-test="will-save"]',
      '이 카드는 원클릭 결제를 위해 계정에 저장됩니다.'
    )
    await page.getByLabel('카드 번호').fill('4242 4242 4242 4242')
    await page.getByLabel('유효기간 (MM/YY)').fill('12/34')
    await page.getByLabel('CVC').fill('123')
    await page.getByRole('button', { name: '₩18,000 결제하기' }).click()
    await page.assertPathContains('/orders/')
    await page.assertText('[data-test="order-status"]', '결제 완료')

    // The card is in the account.
    await page.goto('/account')
    await page.getByRole('link', { name: '결제수단 관리' }).click()
    await page.assertPath('/account/payment-methods')
    await page.assertElementsText('[data-test="saved-method-card"]', ['Visa •••• 4242'])

    // Second purchase: the saved card pays at once, no card page.
    await toCheckout(page, slug)
    await page.getByLabel('Visa •••• 4242').check()
    await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
    await page.assertPathContains('/orders/')
    await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
    await page.assertText('[data-test="order-status"]', '결제 완료')
    const orders = await Order.query().orderBy('id')
    assert.deepEqual(
      orders.map((order) => order.status),
      [OrderStatus.Paid, OrderStatus.Paid]
    )

    // Removing it asks first, then the account has no saved card.
    await page.goto('/account/payment-methods')
    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: '삭제' }).click()
    await page.assertText(page.getByRole('status'), '결제수단을 삭제했습니다.')
    await page.assertExists('[data-test="saved-methods-empty"]')
    assert.lengthOf(await SavedPaymentMethod.all(), 0)
  })
})
