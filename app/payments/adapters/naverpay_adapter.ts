import {
  PaymentAdapterMisconfiguredException,
  PaymentOperationUnsupportedException,
} from '#payments/errors'
import type {
  CancelInput,
  CaptureInput,
  ConfirmInput,
  InitiateInput,
  PaymentAdapter,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
} from '#payments/types'
import { NaverPayClient, type NaverPayDetail } from '#payments/adapters/naverpay_client'

/** NaverPay 결제형 merchant settings; each comes from a NAVERPAY_* environment variable. */
export interface NaverPayOptions {
  partnerId: string
  clientId: string
  clientSecret: string
  chainId: string
  /** `development` (the default) or `production`; picks the default API domain. */
  mode?: 'development' | 'production'
  /** The API domain; defaults to NaverPay's for the mode. */
  apiUrl?: string
  /** The NaverPay JS SDK the payment page loads; set NAVERPAY_JS_URL to use another copy. */
  jsUrl?: string
  /**
   * Where the shop's payment pages live (the attempt id is appended): each
   * calls the JS SDK's `Naver.Pay.create({ mode, clientId, chainId }).open(…)`.
   */
  windowUrl?: string
}

/** Where each option comes from in config/payments.ts, for the boot-time error. */
const ENV_KEYS = {
  partnerId: 'NAVERPAY_PARTNER_ID',
  clientId: 'NAVERPAY_CLIENT_ID',
  clientSecret: 'NAVERPAY_CLIENT_SECRET',
  chainId: 'NAVERPAY_CHAIN_ID',
} as const

const API_URLS = {
  development: 'https://dev-pub.apis.naver.com',
  production: 'https://apis.naver.com',
}

/** Who asked for the cancel: 2 is the merchant's admin (1 would be the buyer). */
const CANCEL_REQUESTER_MERCHANT = '2'

/**
 * NaverPay 결제형 (payments API v2.2). The shopper pays in the window the JS
 * SDK opens (reserve happens there), NaverPay returns to the shop with a
 * paymentId, and the server approves it with apply/payment; refunds are
 * partial or full cancels. Approval captures at once; there are no webhooks.
 */
export class NaverPayAdapter implements PaymentAdapter {
  readonly code = 'naverpay'
  readonly label = { ko: '네이버페이', en: 'Naver Pay' }
  readonly capabilities = {
    manualCapture: false,
    refunds: true,
    partialRefunds: true,
    savedMethods: false,
    webhooks: false,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<NaverPayOptions>): Required<NaverPayOptions> {
    for (const [option, envKey] of Object.entries(ENV_KEYS)) {
      if (!options[option as keyof typeof ENV_KEYS]?.trim()) {
        throw new PaymentAdapterMisconfiguredException(
          `NaverPay needs "${option}": set ${envKey} in the environment (config/payments.ts)`
        )
      }
    }
    const mode = options.mode ?? 'development'
    if (mode !== 'development' && mode !== 'production') {
      throw new PaymentAdapterMisconfiguredException(
        `NaverPay "mode" must be development or production: fix NAVERPAY_MODE (got "${mode}")`
      )
    }
    const apiUrl = (options.apiUrl?.trim() || API_URLS[mode]).replace(/\/+$/, '')
    if (!/^https?:\/\//.test(apiUrl)) {
      throw new PaymentAdapterMisconfiguredException(
        `NaverPay "apiUrl" must be an http(s) URL: fix NAVERPAY_API_URL (got "${apiUrl}")`
      )
    }
    const jsUrl = options.jsUrl?.trim() || 'https://nsp.pay.naver.com/sdk/js/naverpay.min.js'
    if (!/^https?:\/\//.test(jsUrl)) {
      throw new PaymentAdapterMisconfiguredException(
        `NaverPay "jsUrl" must be an http(s) URL: fix NAVERPAY_JS_URL (got "${jsUrl}")`
      )
    }
    return {
      ...(options as Required<NaverPayOptions>),
      mode,
      apiUrl,
      jsUrl,
      windowUrl: (options.windowUrl?.trim() || '/payments/naverpay').replace(/\/+$/, ''),
    }
  }

  readonly #options: Required<NaverPayOptions>
  readonly #client: NaverPayClient

  constructor(options: Partial<NaverPayOptions>) {
    this.#options = NaverPayAdapter.validateOptions(options)
    this.#client = new NaverPayClient(this.#options)
  }

  /** What the payment page needs besides the payment: the SDK and the public merchant keys. */
  get page() {
    const { jsUrl, mode, clientId, chainId } = this.#options
    return { jsUrl, mode, clientId, chainId }
  }

  /**
   * Sends the shopper to the payment page with what `oPay.open` needs. The
   * attempt id is the merchantPayKey, so a retry gives the same session.
   */
  async initiate(input: InitiateInput): Promise<PaymentSession> {
    this.#assertKrw(input.currency)
    const page = `${this.#options.windowUrl}/${encodeURIComponent(input.attemptId)}`
    const query = new URLSearchParams({
      merchantPayKey: input.attemptId,
      productName: input.description,
      totalPayAmount: String(input.amount),
      taxScopeAmount: String(input.amount),
      taxExScopeAmount: '0',
      returnUrl: input.returnUrl,
    })
    return { type: 'redirect', url: `${page}?${query}`, providerReference: input.attemptId }
  }

  /**
   * The return carries resultCode and paymentId. Anything but Success is the
   * shopper's cancel or a window failure, declined without calling NaverPay.
   */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const { resultCode, resultMessage, paymentId } = input.params
    if (resultCode !== 'Success') {
      return {
        status: 'declined',
        code: resultCode || 'Fail',
        reason: resultMessage || 'The NaverPay payment window did not complete',
        providerReference: input.providerReference,
      }
    }
    if (!paymentId) {
      return declined('InvalidPaymentId', 'NaverPay returned no paymentId', input)
    }
    const answer = await this.#client.apply(paymentId, input.idempotencyKey)
    if (!answer.ok) return declined(answer.code, answer.message, { providerReference: paymentId })
    const { detail } = answer.body
    if (detail.admissionState === 'SUCCESS' && detail.merchantPayKey !== input.providerReference) {
      // Approving showed the payment is another attempt's (a return URL pointed at the wrong
      // attempt): give the money straight back, since NaverPay reports nothing later.
      await this.refund({
        attemptId: input.attemptId,
        idempotencyKey: `${input.idempotencyKey}:foreign`,
        providerReference: detail.paymentId,
        amount: detail.totalPayAmount,
        currency: 'KRW',
        reason: 'Approved through another attempt’s return',
      })
    }
    return this.#approved(detail, input)
  }

  /** Approval already captured the money: NaverPay has no separate capture. */
  async capture(_input: CaptureInput): Promise<PaymentResult> {
    throw new PaymentOperationUnsupportedException(this.code, 'manual capture')
  }

  /** A partial or full cancel of an approved payment, all of it taxable. */
  async refund(input: RefundInput): Promise<RefundResult> {
    this.#assertKrw(input.currency)
    const answer = await this.#client.cancel(
      {
        paymentId: input.providerReference,
        cancelAmount: String(input.amount),
        cancelReason: input.reason,
        cancelRequester: CANCEL_REQUESTER_MERCHANT,
        taxScopeAmount: String(input.amount),
        taxExScopeAmount: '0',
      },
      input.idempotencyKey
    )
    if (!answer.ok) return { status: 'declined', code: answer.code, reason: answer.message }
    const body = answer.body
    const amount =
      body.primaryPayCancelAmount +
      (body.npointCancelAmount ?? 0) +
      (body.giftCardCancelAmount ?? 0) +
      (body.discountCancelAmount ?? 0)
    return { status: 'refunded', refundReference: body.payHistId, amount, currency: 'KRW' }
  }

  /**
   * A payment not yet approved has nothing at NaverPay to cancel: the window
   * simply expires. An approved one (a paymentId) is cancelled with `refund`,
   * which knows the amount.
   */
  async cancel(input: CancelInput): Promise<PaymentResult> {
    if (input.providerReference === input.attemptId) {
      return { status: 'canceled', providerReference: input.providerReference }
    }
    return declined(
      'approved_payment',
      'An approved NaverPay payment is cancelled by refunding its amount',
      input
    )
  }

  #approved(detail: NaverPayDetail, input: ConfirmInput): PaymentResult {
    const providerReference = detail.paymentId
    if (detail.admissionState !== 'SUCCESS') {
      return declined(detail.admissionState || 'FAIL', 'NaverPay did not admit the payment', {
        providerReference,
      })
    }
    if (detail.merchantPayKey !== input.providerReference) {
      return declined(
        'merchant_pay_key_mismatch',
        `The NaverPay payment belongs to "${detail.merchantPayKey}", not this attempt`,
        { providerReference }
      )
    }
    const last4 = detail.cardNo?.replace(/\D/g, '').slice(-4)
    return {
      status: 'captured',
      providerReference,
      amount: detail.totalPayAmount,
      currency: 'KRW',
      method: {
        brand: `naverpay_${(detail.primaryPayMeans ?? 'pay').toLowerCase()}`,
        ...(last4?.length === 4 ? { last4 } : {}),
      },
    }
  }

  #assertKrw(currency: string) {
    if (currency !== 'KRW') {
      throw new PaymentOperationUnsupportedException(this.code, `payments in ${currency}`)
    }
  }
}

function declined(code: string, reason: string, ref: { providerReference: string }) {
  return {
    status: 'declined',
    code,
    reason,
    providerReference: ref.providerReference,
  } satisfies PaymentResult
}

/** The factory config/payments.ts registers: `naverpay: naverPayAdapter({ … env … })`. */
export function naverPayAdapter(options: Partial<NaverPayOptions>) {
  NaverPayAdapter.validateOptions(options)
  return () => new NaverPayAdapter(options)
}
