import type {
  MailLocale,
  OrderMailData,
  SellerOrderMailData,
  ShipmentMailData,
} from '../../../app/mails/order_mail_data.js'

/**
 * A realistic two-seller order in KRW: one parcel with a Jeju surcharge, one
 * shipped free over the seller's threshold; paid by bank transfer unless told.
 */
export function orderData(
  locale: MailLocale = 'ko',
  overrides: Partial<OrderMailData> = {}
): OrderMailData {
  return {
    orderNumber: 'JT-20261122-0042',
    locale,
    email: 'minji@example.com',
    customerName: '김민지',
    currency: 'KRW',
    placedAt: '2026-11-22T05:30:00.000Z',
    orderUrl: 'https://shop.example.com/account/orders/JT-20261122-0042',
    sellers: [
      {
        sellerName: '제주 감귤농원',
        items: [
          {
            title: '노지 감귤 5kg',
            variantLabel: '로얄과',
            quantity: 2,
            unitPrice: 24900,
            lineTotal: 49800,
          },
        ],
        subtotal: 49800,
        shippingAmount: 6000,
        shippingBreakdown: [
          { code: 'base', label: '기본 배송비', amount: 3000 },
          { code: 'remote_area.jeju', label: '제주 추가 배송비', amount: 3000 },
        ],
      },
      {
        sellerName: 'Seoul Ceramics',
        items: [
          {
            title: 'Celadon mug',
            variantLabel: '',
            quantity: 1,
            unitPrice: 38000,
            lineTotal: 38000,
          },
          {
            title: 'Tea cup set',
            variantLabel: 'White / 4 pcs',
            quantity: 1,
            unitPrice: 45000,
            lineTotal: 45000,
          },
        ],
        subtotal: 83000,
        shippingAmount: 0,
        shippingBreakdown: [
          { code: 'free_over_threshold', label: '5만원 이상 무료배송', amount: 0 },
        ],
      },
    ],
    totals: { subtotal: 132800, shipping: 6000, grandTotal: 138800 },
    shippingAddress: {
      name: '김민지',
      phone: '010-1234-5678',
      country: 'KR',
      postalCode: '63122',
      line1: '제주특별자치도 제주시 첨단로 242',
      line2: '101동 1203호',
    },
    payment: {
      method: 'bank_transfer',
      methodLabel: locale === 'ko' ? '무통장입금' : 'Bank transfer',
      instructions: {
        bankName: '장터은행',
        accountNumber: '123-456-789012',
        accountHolder: '(주)장터',
        amount: 138800,
        currency: 'KRW',
        reference: 'JT0042',
        dueAt: '2026-11-25T14:59:00.000Z',
      },
    },
    ...overrides,
  }
}

/** The same order paid by card (no transfer instructions). */
export function paidOrderData(locale: MailLocale = 'ko'): OrderMailData {
  return orderData(locale, {
    payment: {
      method: 'stripe',
      methodLabel: locale === 'ko' ? '신용카드' : 'Card',
      paidAt: '2026-11-22T05:31:00.000Z',
    },
  })
}

/** The ceramics parcel of that order, shipped with CJ Logistics. */
export function shipmentData(locale: MailLocale = 'ko'): ShipmentMailData {
  return {
    order: paidOrderData(locale),
    sellerName: 'Seoul Ceramics',
    carrier: locale === 'ko' ? 'CJ대한통운' : 'CJ Logistics',
    trackingNumber: '6894-1234-5678',
    trackingUrl: 'https://trace.example.com/track?invc_no=689412345678',
  }
}

/** The ceramics seller's share of that order, paid and waiting to ship. */
export function sellerOrderData(locale: MailLocale = 'ko'): SellerOrderMailData {
  const order = paidOrderData(locale)
  return {
    ...order.sellers[1],
    sellerEmail: 'orders@seoulceramics.example.com',
    orderNumber: order.orderNumber,
    locale,
    currency: 'KRW',
    paidAt: '2026-11-22T05:31:00.000Z',
    shippingAddress: order.shippingAddress,
    sellerOrderUrl: 'https://shop.example.com/seller/orders/JT-20261122-0042-2',
  }
}
