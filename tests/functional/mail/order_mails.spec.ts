import { test } from '@japa/runner'
import OrderPlacedMail from '../../../app/mails/order_placed_mail.js'
import OrderPaidMail from '../../../app/mails/order_paid_mail.js'
import { orderData, paidOrderData } from './fixtures.js'

/** Builds a mail as the mailer would and returns its rendered parts. */
async function render(mail: OrderPlacedMail | OrderPaidMail) {
  await mail.buildWithContents()
  return mail.message
}

test.group('Mail | order placed', () => {
  test('confirms a bank-transfer order in Korean with where and by when to pay', async () => {
    const message = await render(new OrderPlacedMail(orderData('ko')))

    message.assertTo('minji@example.com', '김민지')
    message.assertSubject('[Jangteo] 주문이 접수되었습니다 (JT-20261122-0042)')
    for (const body of ['html', 'text'] as const) {
      message.assertContent(body, '무통장입금 안내')
      message.assertContent(body, '장터은행')
      message.assertContent(body, '123-456-789012')
      message.assertContent(body, '(주)장터')
      message.assertContent(body, 'JT0042')
      message.assertContent(body, '2026년 11월 25일')
      message.assertContent(body, '₩138,800')
    }
  })

  test('lists items by seller with each seller shipping fee and the totals', async ({ assert }) => {
    const message = await render(new OrderPlacedMail(orderData('ko')))
    const { text } = message.toObject().message

    assert.include(text, '[판매자: 제주 감귤농원]')
    assert.include(text, '- 노지 감귤 5kg (로얄과)\n2개 × ₩24,900 = ₩49,800')
    assert.include(text, '배송비: ₩6,000\n· 기본 배송비 ₩3,000\n· 제주 추가 배송비 ₩3,000')
    assert.include(text, '[판매자: Seoul Ceramics]')
    assert.include(text, '배송비: 무료')
    assert.include(text, '상품 합계: ₩132,800\n배송비 합계: ₩6,000\n총 결제금액: ₩138,800')
    assert.include(text, '(63122) 제주특별자치도 제주시 첨단로 242\n101동 1203호\n대한민국')
    message.assertHtmlIncludes('판매자: Seoul Ceramics')
    message.assertHtmlIncludes('₩49,800')
    message.assertHtmlIncludes('href="https://shop.example.com/account/orders/JT-20261122-0042"')
  })

  test('confirms the order in English', async () => {
    const message = await render(new OrderPlacedMail(orderData('en')))

    message.assertSubject('[Jangteo] We received your order JT-20261122-0042')
    message.assertHtmlIncludes('How to pay by bank transfer')
    message.assertHtmlIncludes('Sold by Seoul Ceramics')
    message.assertTextIncludes('Pay by: November 25, 2026')
    message.assertTextIncludes('Total: ₩138,800')
    message.assertTextIncludes('South Korea')
  })

  test('says nothing about a transfer when the order is paid by card', async ({ assert }) => {
    const message = await render(new OrderPlacedMail(paidOrderData('ko')))
    const { html, text } = message.toObject().message

    assert.notInclude(html, '무통장입금 안내')
    assert.notInclude(text, '입금 기한')
    message.assertTextIncludes('결제 수단: 신용카드')
  })

  test('formats minor units in the order currency', async () => {
    const order = orderData('en', { currency: 'USD' })
    order.totals = { subtotal: 2598, shipping: 500, grandTotal: 3098 }
    order.payment = { method: 'stripe', methodLabel: 'Card' }

    const message = await render(new OrderPlacedMail(order))

    message.assertTextIncludes('Total: $30.98')
    message.assertHtmlIncludes('$30.98')
  })

  test('escapes seller-provided text in the HTML body', async ({ assert }) => {
    const order = orderData('ko')
    order.sellers[0].items[0].title = '<img src=x onerror=alert(1)> 감귤'

    const message = await render(new OrderPlacedMail(order))

    assert.notInclude(message.toObject().message.html, '<img src=x')
    message.assertHtmlIncludes('&lt;img src=x onerror=alert(1)&gt; 감귤')
  })
})

test.group('Mail | order paid', () => {
  test('tells the customer their payment arrived ({locale})')
    .with([
      { locale: 'ko' as const, subject: '[Jangteo] 결제가 완료되었습니다 (JT-20261122-0042)' },
      { locale: 'en' as const, subject: '[Jangteo] Payment received for order JT-20261122-0042' },
    ])
    .run(async ({ assert }, { locale, subject }) => {
      const message = await render(new OrderPaidMail(paidOrderData(locale)))

      message.assertTo('minji@example.com', '김민지')
      message.assertSubject(subject)
      message.assertHtmlIncludes('₩138,800')
      message.assertTextIncludes(
        locale === 'ko' ? '결제일시: 2026년 11월 22일' : 'Paid on: November 22, 2026'
      )
      message.assertTextIncludes('Tea cup set (White / 4 pcs)')
      assert.notInclude(message.toObject().message.text, '123-456-789012')
    })
})
