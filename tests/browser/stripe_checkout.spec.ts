import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { QueueManager } from '@adonisjs/queue'
import Order from '#models/order'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { customerWithProduct, emptyDatabase, toCheckout } from '#tests/helpers/browser'
import { localStripe, useLocalProviders } from '#tests/helpers/payments'

const stripe = await startStripeServer()

/**
 * A signed-in customer buys one product (15,000 + 3,000 shipping) with
 * Stripe and lands on the Stripe payment page.
 */
async function onStripePage(
  browserContext: { newPage(): Promise<Page> },
  options: { save?: boolean } = {}
) {
  const { page, slug } = await customerWithProduct(browserContext)
  await toCheckout(page, slug)
  await page.getByLabel('신용카드 (Stripe)').check()
  if (options.save) await page.getByLabel('다음 결제를 위해 이 결제수단 저장').check()
  await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
  await page.assertPathContains('/payments/stripe/')
  await page.assertText('[data-test="amount"]', '₩18,000')
  return { page, slug }
}

/** Types a card into the Payment Element (Stripe's iframe) and pays. */
async function payWithCard(page: Page, number: string) {
  const card = page.frameLocator('iframe[title="Secure payment input frame"]')
  await card.getByLabel('카드 번호').fill(number)
  await card.getByLabel('만료일 (MM / YY)').fill('12 / 34')
  await card.getByLabel('보안 코드').fill('123')
  await page.getByRole('button', { name: '₩18,000 결제하기' }).click()
}

/** The status of the one order the test placed. */
async function orderStatus() {
  const order = await Order.firstOrFail()
  return order.status
}

/** The order page says the payment went through. */
async function assertPaid(page: Page) {
  await page.assertPathContains('/orders/')
  await page.assertText(page.getByRole('status'), '결제가 완료되었습니다.')
  await page.assertText('[data-test="order-status"]', '결제 완료')
}

/*
 * Paying with Stripe in Chromium against the local Stripe: Stripe.js and the
 * Payment Element come from the Stripe server's origin (allowed by the CSP),
 * the card is typed into its iframe, never into the shop's page.
 */
test.group('Stripe checkout | in the browser', (group) => {
  useLocalProviders(group, {
    servers: [stripe],
    adapters: { stripe: localStripe(stripe) },
    pageOrigins: { scripts: [stripe.url], frames: [stripe.url], connects: [stripe.url] },
  })
  group.each.setup(emptyDatabase)
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a customer pays by card on the Stripe page and sees the order paid', async ({
    browserContext,
    assert,
  }) => {
    const { page } = await onStripePage(browserContext)
    // The card fields are Stripe's, in its iframe; the shop's page has none.
    await page.assertElementsCount('input[autocomplete="cc-number"]', 0)
    await payWithCard(page, '4242 4242 4242 4242')
    await assertPaid(page)
    assert.equal(await orderStatus(), OrderStatus.Paid)
  })

  test('a card that needs 3-D Secure is paid once the customer completes the challenge', async ({
    browserContext,
    assert,
  }) => {
    const { page } = await onStripePage(browserContext)
    await payWithCard(page, '4000 0025 0000 3155')
    await page.getByRole('button', { name: 'Complete authentication' }).click()
    await assertPaid(page)
    assert.equal(await orderStatus(), OrderStatus.Paid)
  })

  test('a declined card shows Stripe’s reason, and a second card pays', async ({
    browserContext,
    assert,
  }) => {
    const { page } = await onStripePage(browserContext)
    await payWithCard(page, '4000 0000 0000 0002')
    await page.assertText(
      '[data-test="stripe-error"]',
      '결제하지 못했습니다. Your card was declined.'
    )
    await page.assertPathContains('/payments/stripe/')
    assert.equal(await orderStatus(), OrderStatus.PendingPayment)

    await payWithCard(page, '4242 4242 4242 4242')
    await assertPaid(page)
    assert.equal(await orderStatus(), OrderStatus.Paid)
  })

  test('a customer saves the card with a Stripe payment, then buys again in one click', async ({
    browserContext,
    assert,
  }) => {
    const earlier = new Set(stripe.state.intents.keys())
    const { page, slug } = await onStripePage(browserContext, { save: true })
    await page.assertText(
      '[data-test="will-save"]',
      '이 카드는 원클릭 결제를 위해 계정에 저장됩니다.'
    )
    await payWithCard(page, '4242 4242 4242 4242')
    await assertPaid(page)

    await toCheckout(page, slug)
    await page.getByLabel('Visa •••• 4242').check()
    await page.getByRole('button', { name: '₩18,000 주문하기' }).click()
    await assertPaid(page)
    const orders = await Order.query().orderBy('id')
    assert.deepEqual(
      orders.map((order) => order.status),
      [OrderStatus.Paid, OrderStatus.Paid]
    )
    // The second payment charged the saved card of the same Stripe Customer.
    const paid = [...stripe.state.intents.values()].filter(
      ({ id, status }) => !earlier.has(id) && status === 'succeeded'
    )
    assert.lengthOf(paid, 2)
    assert.equal(paid[1].payment_method, paid[0].payment_method)
    assert.equal(paid[1].customer, paid[0].customer)
  })
})
