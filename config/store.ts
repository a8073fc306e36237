import env from '#start/env'

/**
 * Store-wide settings a shop owner changes by environment: the store's name
 * and the currency prices are entered in (integer minor units of it).
 */
export default {
  name: env.get('STORE_NAME', 'Jangteo'),
  currency: env.get('STORE_CURRENCY', 'KRW'),
  /** The time zone dates are shown in (emails, order pages), IANA name. */
  timezone: env.get('STORE_TIMEZONE', 'Asia/Seoul'),
  /** Queues the embedded worker (QUEUE_WORKER=embedded) processes. */
  workerQueues: ['default', 'media'],
  catalog: {
    perPage: 24,
    maxPerPage: 100,
  },
  cart: {
    /** Most units of one variant in a cart. */
    maxQuantityPerLine: env.get('CART_MAX_QUANTITY_PER_LINE', 99),
    /** Most distinct variants in a cart. */
    maxLines: env.get('CART_MAX_LINES', 50),
  },
  checkout: {
    /** Orders one IP may place per 10 minutes (an unpaid order holds stock). */
    rateLimit: env.get('CHECKOUT_RATE_LIMIT', 20),
  },
  orders: {
    /** Order numbers read like JT2611-8K3QX7A. */
    numberPrefix: 'JT',
    /**
     * Minutes an order waits for payment before it expires and its stock goes
     * back, per payment adapter (a bank transfer needs days, a card minutes).
     */
    unpaidTtlMinutes: {
      default: env.get('ORDER_UNPAID_TTL_MINUTES', 30),
      bank_transfer: env.get('ORDER_BANK_TRANSFER_TTL_MINUTES', 72 * 60),
    } as Record<string, number>,
    /** Days after delivery (or after shipping, when never marked delivered) before 구매확정 is automatic. */
    autoConfirmAfterDeliveryDays: env.get('ORDER_AUTO_CONFIRM_DAYS', 7),
    autoConfirmAfterShippingDays: env.get('ORDER_AUTO_CONFIRM_SHIPPED_DAYS', 14),
    /** How often the queue worker expires unpaid orders and auto-confirms purchases (start/scheduler.ts). */
    expiryCheckEvery: '1m',
    autoConfirmCheckEvery: '1h',
    /**
     * Carriers offered when a seller enters a tracking number, named in each
     * language; {number} is replaced in the tracking URL.
     */
    carriers: {
      cj: {
        name: { ko: 'CJ대한통운', en: 'CJ Logistics' },
        trackingUrl: 'https://trace.cjlogistics.com/next/tracking.html?wblNo={number}',
      },
      hanjin: {
        name: { ko: '한진택배', en: 'Hanjin Express' },
        trackingUrl:
          'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&wblnum={number}',
      },
      lotte: {
        name: { ko: '롯데택배', en: 'Lotte Global Logistics' },
        trackingUrl:
          'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={number}',
      },
      epost: {
        name: { ko: '우체국택배', en: 'Korea Post' },
        trackingUrl:
          'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={number}',
      },
      logen: {
        name: { ko: '로젠택배', en: 'Logen' },
        trackingUrl: 'https://www.ilogen.com/web/personal/trace/{number}',
      },
      ems: {
        name: { ko: 'EMS', en: 'EMS' },
        trackingUrl:
          'https://service.epost.go.kr/trace.RetrieveEmsRigiTraceList.comm?POST_CODE={number}',
      },
      dhl: {
        name: { ko: 'DHL', en: 'DHL' },
        trackingUrl: 'https://www.dhl.com/kr-en/home/tracking.html?tracking-id={number}',
      },
      fedex: {
        name: { ko: 'FedEx', en: 'FedEx' },
        trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr={number}',
      },
      ups: {
        name: { ko: 'UPS', en: 'UPS' },
        trackingUrl: 'https://www.ups.com/track?tracknum={number}',
      },
      other: { name: { ko: '기타', en: 'Other' }, trackingUrl: null },
    } as Record<string, { name: { ko: string; en: string }; trackingUrl: string | null }>,
  },
}
