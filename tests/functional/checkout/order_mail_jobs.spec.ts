import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import { QueueManager } from '@adonisjs/queue'
import SendOrderMail from '#jobs/notifications/send_order_mail'
import OrderPlacedMail from '#mails/order_placed_mail'
import OrderPaidMail from '#mails/order_paid_mail'
import SellerOrderShippedMail from '#mails/seller_order_shipped_mail'
import NewSellerOrderMail from '#mails/new_seller_order_mail'
import type Cart from '#models/cart'
import SellerOrder from '#models/seller_order'
import { CartService } from '#services/cart/cart_service'
import { CheckoutService } from '#services/checkout/checkout_service'
import { PaymentService } from '#services/payments/payment_service'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { SYSTEM_ACTOR } from '#audit/actor'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'

/** A bank-transfer order for one seller's product, placed through the checkout service. */
async function placeOrder() {
  const { variant, seller } = await createListing({ price: 15_000, stock: 4 })
  await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
  const carts = await app.container.make(CartService)
  const cart: Cart = await carts.create()
  await carts.addItem(cart, variant.id, 2)
  await cart.refresh()
  const checkout = await app.container.make(CheckoutService)
  const placed = await checkout.place(
    {
      cartId: cart.id,
      email: 'buyer@example.com',
      shippingAddress: { ...koreanAddress(), line2: null, city: null, region: null },
      paymentMethod: 'bank_transfer',
      user: null,
      locale: 'ko',
    },
    SYSTEM_ACTOR
  )
  return { ...placed, seller }
}

/** An order to Jeju shipped by weight with the Jeju surcharge, in the customer's language. */
async function placeJejuOrder(locale: 'ko' | 'en') {
  const { variant, seller } = await createListing({ price: 15_000, stock: 4, weightGrams: 600 })
  await setPolicy(seller, 'domestic', 'weight_bands', {
    bands: [
      { upToGrams: 2000, amount: 3000 },
      { upToGrams: 5000, amount: 4000 },
    ],
  })
  await setPolicy(seller, 'surcharge', 'remote_area', {
    jejuAmount: 3000,
    islandAmount: 5000,
    extraRanges: [],
  })
  const carts = await app.container.make(CartService)
  const cart: Cart = await carts.create()
  await carts.addItem(cart, variant.id, 2)
  const checkout = await app.container.make(CheckoutService)
  const { order } = await checkout.place(
    {
      cartId: cart.id,
      email: 'buyer@example.com',
      shippingAddress: { ...koreanAddress('63100'), line2: null, city: null, region: null },
      paymentMethod: 'bank_transfer',
      user: null,
      locale,
    },
    SYSTEM_ACTOR
  )
  return order
}

/** Runs the order-mail job inline, as a worker would. */
async function runJob(kind: 'placed' | 'paid' | 'shipped' | 'to_ship', id: number) {
  QueueManager.restore()
  await SendOrderMail.dispatch({ kind, id }).with('sync')
}

test.group('Order mails | built and sent by the worker', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => {
      mail.restore()
      QueueManager.restore()
    }
  })

  test('the confirmation tells a bank-transfer customer where to pay', async ({ assert }) => {
    const { mails } = mail.fake()
    const { order } = await placeOrder()
    await runJob('placed', order.id)
    mails.assertSent(OrderPlacedMail, (sent) => {
      sent.message.assertTo('buyer@example.com')
      sent.message.assertSubject(`[Jangteo] 주문이 접수되었습니다 (${order.number})`)
      return true
    })
    const [sent] = mails.sent()
    const html = sent.message.toJSON().message.html as string
    assert.include(html, '000-000-000000')
  })

  test('lists each shipping line in the language of the customer ({locale})')
    .with([
      {
        locale: 'ko' as const,
        lines: ['무게별 배송비 (2,000g 이하) ₩3,000', '제주 추가 배송비 ₩3,000'],
      },
      {
        locale: 'en' as const,
        lines: ['Shipping by weight (up to 2,000 g) ₩3,000', 'Jeju surcharge ₩3,000'],
      },
    ])
    .run(async ({ assert }, { locale, lines }) => {
      const { mails } = mail.fake()
      const order = await placeJejuOrder(locale)
      await runJob('placed', order.id)
      const { html, text } = mails.sent()[0].message.toJSON().message as Record<string, string>

      for (const line of lines) assert.include(text, `· ${line}`)
      for (const line of lines) assert.include(html.replace(/\s+/g, ' '), line)
      if (locale === 'ko') {
        assert.notMatch(text, /Shipping|surcharge/)
        assert.notMatch(html, /Shipping up to|Jeju surcharge/)
      }
    })

  test("the email's order link opens the order for a guest, and only that order", async ({
    client,
    assert,
  }) => {
    const { mails } = mail.fake()
    const { order } = await placeOrder()
    const { order: other } = await placeOrder()
    await runJob('placed', order.id)
    const html = mails.sent()[0].message.toJSON().message.html as string
    const link = /href="[^"]*(\/orders\/[^"?]+\?key=[^"]+)"/.exec(html)
    assert.exists(link, 'the mail links to the order page')
    const path = link![1].replaceAll('&amp;', '&')

    const opened = await client.get(path)
    opened.assertStatus(200)
    opened.assertTextIncludes(order.number)
    const key = new URL(path, 'http://shop').searchParams.get('key')
    const elsewhere = await client.get(`/orders/${other.number}?key=${key}`)
    elsewhere.assertStatus(404)
  })

  test('paid and shipped mails go to the customer, the to-ship mail to the seller', async () => {
    const { mails } = mail.fake()
    const { order, payment, seller } = await placeOrder()
    const payments = await app.container.make(PaymentService)
    await payments.capture(payment, SYSTEM_ACTOR)
    const sellerOrder = await SellerOrder.findByOrFail('orderId', order.id)
    const fulfillment = await app.container.make(FulfillmentService)
    await fulfillment.ship(
      sellerOrder,
      { carrier: 'cj', trackingNumber: '6012-3456-7890' },
      SYSTEM_ACTOR
    )

    await runJob('paid', order.id)
    await runJob('to_ship', sellerOrder.id)
    await runJob('shipped', sellerOrder.id)

    mails.assertSent(OrderPaidMail, (sent) => sent.message.hasTo('buyer@example.com'))
    mails.assertSent(NewSellerOrderMail, (sent) => sent.message.hasTo(seller.contactEmail))
    mails.assertSent(SellerOrderShippedMail, (sent) => {
      const html = sent.message.toJSON().message.html as string
      return html.includes('6012-3456-7890') && html.includes('CJ대한통운')
    })
  })
})
