import { test } from '@japa/runner'
import SellerOrderShippedMail from '../../../app/mails/seller_order_shipped_mail.js'
import NewSellerOrderMail from '../../../app/mails/new_seller_order_mail.js'
import { sellerOrderData, shipmentData } from './fixtures.js'

test.group('Mail | parcel shipped', () => {
  test('gives the carrier, tracking number and tracking link ({locale})')
    .with([
      {
        locale: 'ko' as const,
        subject: '[Jangteo] Seoul Ceramics 상품이 발송되었습니다 (JT-20261122-0042)',
        carrier: '택배사: CJ대한통운',
      },
      {
        locale: 'en' as const,
        subject: '[Jangteo] Your parcel from Seoul Ceramics is on its way (JT-20261122-0042)',
        carrier: 'Carrier: CJ Logistics',
      },
    ])
    .run(async (_, { locale, subject, carrier }) => {
      const mail = new SellerOrderShippedMail(shipmentData(locale))
      await mail.buildWithContents()

      mail.message.assertTo('minji@example.com', '김민지')
      mail.message.assertSubject(subject)
      mail.message.assertTextIncludes(carrier)
      mail.message.assertTextIncludes('6894-1234-5678')
      mail.message.assertHtmlIncludes('6894-1234-5678')
      mail.message.assertHtmlIncludes('href="https://trace.example.com/track?invc_no=689412345678"')
    })

  test('lists only the shipping seller items and says the others ship apart', async ({
    assert,
  }) => {
    const mail = new SellerOrderShippedMail(shipmentData('ko'))
    await mail.buildWithContents()
    const { html, text } = mail.message.toObject().message

    assert.include(text, 'Celadon mug')
    assert.notInclude(text, '노지 감귤')
    assert.notInclude(html, '노지 감귤')
    assert.include(text, '같은 주문의 다른 판매자 상품은 따로 발송됩니다.')
  })

  test('leaves out the tracking link when the carrier has none', async ({ assert }) => {
    const mail = new SellerOrderShippedMail({ ...shipmentData('en'), trackingUrl: null })
    await mail.buildWithContents()
    const { html, text } = mail.message.toObject().message

    assert.include(text, 'Tracking number: 6894-1234-5678')
    assert.notInclude(text, 'Track your parcel')
    assert.notInclude(html, 'Track your parcel')
  })
})

test.group('Mail | new seller order', () => {
  test('asks the seller to ship a paid order ({locale})')
    .with([
      {
        locale: 'ko' as const,
        subject: '[Jangteo] 발송할 새 주문이 결제되었습니다 (JT-20261122-0042)',
        total: '판매 금액 합계 (상품 + 배송비): ₩83,000',
      },
      {
        locale: 'en' as const,
        subject: '[Jangteo] New paid order to ship: JT-20261122-0042',
        total: 'Your total (items and shipping): ₩83,000',
      },
    ])
    .run(async ({ assert }, { locale, subject, total }) => {
      const mail = new NewSellerOrderMail(sellerOrderData(locale))
      await mail.buildWithContents()
      const { html, text } = mail.message.toObject().message

      mail.message.assertTo('orders@seoulceramics.example.com', 'Seoul Ceramics')
      mail.message.assertSubject(subject)
      assert.include(text, total)
      assert.include(text, '- Tea cup set (White / 4 pcs)')
      assert.include(text, '010-1234-5678')
      assert.include(html, '제주특별자치도 제주시 첨단로 242')
      assert.include(html, 'href="https://shop.example.com/seller/orders/JT-20261122-0042-2"')
      assert.notInclude(text, '노지 감귤')
    })
})
