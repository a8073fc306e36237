import { createHmac } from 'node:crypto'
import {
  PaymentAdapterMisconfiguredException,
  PaymentMethodRejectedException,
  PaymentOperationUnsupportedException,
} from '#payments/errors'
import type {
  CancelInput,
  CaptureInput,
  ChargeSavedInput,
  ConfirmInput,
  InitiateInput,
  MethodSummary,
  PaymentAdapter,
  PaymentAdapterFactory,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
  SavedMethod,
  SaveMethodInput,
} from '#payments/types'
import {
  type TossAnswer,
  type TossBillingKey,
  type TossCard,
  type TossPayment,
  TossClient,
} from '#payments/adapters/toss_client'

export interface TossOptions {
  /** The public client key the checkout page opens the Toss SDK with; set TOSS_CLIENT_KEY. */
  clientKey: string
  /** The secret key for the server API; set TOSS_SECRET_KEY. */
  secretKey: string
  /** The API base URL; set TOSS_API_URL (tests point it at a local server). */
  apiUrl?: string
  /** The shop page that opens the Toss payment window with the SDK for one order. */
  checkoutUrl?: string
}

/** Where each option comes from in config/payments.ts, for the boot-time error. */
const ENV_KEYS = { clientKey: 'TOSS_CLIENT_KEY', secretKey: 'TOSS_SECRET_KEY' } as const

/** Statuses with money taken or promised; a payment in any other status has nothing to cancel. */
const CANCELABLE = new Set(['DONE', 'PARTIAL_CANCELED', 'WAITING_FOR_DEPOSIT'])

/** Toss card company codes (카드사 코드) of the issuers most shoppers hold. */
const ISSUERS: Record<string, string> = {
  '11': 'kb_kookmin',
  '21': 'hana',
  '31': 'bc',
  '33': 'woori',
  '41': 'shinhan',
  '51': 'samsung',
  '61': 'hyundai',
  '71': 'lotte',
  '91': 'nh_nonghyup',
}

/**
 * 토스페이먼츠: the checkout page opens the Toss payment window (SDK) and Toss
 * sends the shopper back with paymentKey, orderId and amount; `confirm` then
 * approves the payment (POST /v1/payments/confirm). Refunds are cancels, whole
 * or partial; saved methods are billing keys (자동결제). Payments are KRW only.
 */
export class TossAdapter implements PaymentAdapter {
  readonly code = 'toss'
  readonly label = { ko: '토스페이먼츠', en: 'Toss Payments' }
  readonly capabilities = {
    manualCapture: false,
    refunds: true,
    partialRefunds: true,
    savedMethods: true,
    webhooks: false,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<TossOptions>): Required<TossOptions> {
    for (const [option, envKey] of Object.entries(ENV_KEYS)) {
      if (!options[option as keyof typeof ENV_KEYS]?.trim()) {
        throw new PaymentAdapterMisconfiguredException(
          `Toss Payments needs "${option}": set ${envKey} in the environment (config/payments.ts)`
        )
      }
    }
    const apiUrl = options.apiUrl?.trim() || 'https://api.tosspayments.com'
    if (!URL.canParse(apiUrl)) {
      throw new PaymentAdapterMisconfiguredException(
        `Toss Payments "apiUrl" is not a URL: fix TOSS_API_URL in the environment`
      )
    }
    return {
      clientKey: options.clientKey!,
      secretKey: options.secretKey!,
      apiUrl,
      checkoutUrl: options.checkoutUrl?.trim() || '/payments/toss/checkout',
    }
  }

  readonly #options: Required<TossOptions>
  readonly #client: TossClient

  constructor(options: Partial<TossOptions>) {
    this.#options = TossAdapter.validateOptions(options)
    this.#client = new TossClient(this.#options.secretKey, this.#options.apiUrl)
  }

  /** The order id Toss knows the payment by is our attempt id; no API call yet. */
  async initiate(input: InitiateInput): Promise<PaymentSession> {
    this.#assertKrw(input.currency)
    const query = new URLSearchParams({
      clientKey: this.#options.clientKey,
      orderId: input.attemptId,
      orderName: input.description,
      amount: String(input.amount),
      customerEmail: input.customer.email,
      successUrl: input.returnUrl,
      failUrl: input.cancelUrl,
    })
    const separator = this.#options.checkoutUrl.includes('?') ? '&' : '?'
    return {
      type: 'redirect',
      url: `${this.#options.checkoutUrl}${separator}${query}`,
      providerReference: input.attemptId,
    }
  }

  /**
   * The shopper is back. A failUrl return carries Toss's code and message; a
   * successUrl return is approved for the ORDER's amount, so a tampered amount
   * in the return URL is refused by Toss instead of charged.
   */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const { paymentKey, orderId, code, message } = input.params
    if (code) return { status: 'declined', code, reason: message || code }
    if (!paymentKey || orderId !== input.providerReference) {
      return {
        status: 'declined',
        code: 'INVALID_RETURN',
        reason: 'The return from Toss Payments does not carry this order’s paymentKey and orderId',
      }
    }
    const answer = await this.#client.post<TossPayment>(
      '/v1/payments/confirm',
      { paymentKey, orderId, amount: input.amount },
      input.idempotencyKey
    )
    return this.#paymentResult(answer, paymentKey)
  }

  /** Toss approves and captures in one step at confirm; there is nothing to capture later. */
  async capture(_input: CaptureInput): Promise<PaymentResult> {
    throw new PaymentOperationUnsupportedException(this.code, 'manual capture')
  }

  /** A refund is a cancel of `amount` (부분취소 when less than the balance). */
  async refund(input: RefundInput): Promise<RefundResult> {
    this.#assertKrw(input.currency)
    const answer = await this.#client.post<TossPayment>(
      `/v1/payments/${encodeURIComponent(input.providerReference)}/cancel`,
      { cancelReason: input.reason, cancelAmount: input.amount },
      input.idempotencyKey
    )
    if (!answer.ok) return { status: 'declined', ...this.#decline(answer.error) }
    const last = answer.data.cancels?.at(-1)
    if (!last) return { status: 'pending', refundReference: answer.data.paymentKey }
    return {
      status: 'refunded',
      refundReference: last.transactionKey,
      amount: last.cancelAmount,
      currency: answer.data.currency,
    }
  }

  /**
   * Cancels a started payment. Before confirm Toss has nothing to cancel (the
   * payment window session expires by itself); after it, the whole balance is
   * cancelled. The reference is a paymentKey or, before confirm, the orderId.
   */
  async cancel(input: CancelInput): Promise<PaymentResult> {
    const canceled = { status: 'canceled', providerReference: input.providerReference } as const
    const reference = encodeURIComponent(input.providerReference)
    let found = await this.#client.get<TossPayment>(`/v1/payments/${reference}`)
    if (!found.ok) found = await this.#client.get<TossPayment>(`/v1/payments/orders/${reference}`)
    if (!found.ok || !CANCELABLE.has(found.data.status)) return canceled
    const answer = await this.#client.post<TossPayment>(
      `/v1/payments/${encodeURIComponent(found.data.paymentKey)}/cancel`,
      { cancelReason: input.reason },
      input.idempotencyKey
    )
    if (!answer.ok) return { status: 'declined', ...this.#decline(answer.error) }
    return canceled
  }

  /**
   * Turns the authKey of Toss's card registration window (빌링 인증) into a
   * billing key. The customerKey is derived from the shopper's email with the
   * secret key, so it is stable yet not guessable, as Toss asks.
   */
  async savePaymentMethod(input: SaveMethodInput): Promise<SavedMethod> {
    const customerKey = input.customer.providerCustomerId ?? this.#customerKey(input.customer.email)
    const answer = await this.#client.post<TossBillingKey>(
      '/v1/billing/authorizations/issue',
      { authKey: input.params.authKey ?? '', customerKey },
      input.idempotencyKey
    )
    if (!answer.ok)
      throw new PaymentMethodRejectedException(answer.error.code, answer.error.message)
    return {
      providerMethodId: answer.data.billingKey,
      providerCustomerId: answer.data.customerKey,
      summary: this.#summary(answer.data.card),
    }
  }

  /** Charges a billing key: approved and captured at once, or declined with Toss's code. */
  async chargeSavedMethod(input: ChargeSavedInput): Promise<PaymentResult> {
    this.#assertKrw(input.currency)
    const answer = await this.#client.post<TossPayment>(
      `/v1/billing/${encodeURIComponent(input.providerMethodId)}`,
      {
        customerKey: input.providerCustomerId,
        amount: input.amount,
        orderId: input.attemptId,
        orderName: input.description,
        customerEmail: input.customer.email,
      },
      input.idempotencyKey
    )
    return this.#paymentResult(answer, input.attemptId)
  }

  /** Toss statuses to results; the amount is Toss's, for the caller to compare. */
  #paymentResult(answer: TossAnswer<TossPayment>, reference: string): PaymentResult {
    if (!answer.ok) {
      return { status: 'declined', ...this.#decline(answer.error), providerReference: reference }
    }
    const payment = answer.data
    const providerReference = payment.paymentKey
    switch (payment.status) {
      case 'DONE':
      case 'PARTIAL_CANCELED':
        return {
          status: 'captured',
          providerReference,
          amount: payment.totalAmount,
          currency: payment.currency,
          ...(payment.card ? { method: this.#summary(payment.card) } : {}),
        }
      case 'CANCELED':
        return { status: 'canceled', providerReference }
      case 'ABORTED':
      case 'EXPIRED':
        return {
          status: 'declined',
          code: payment.status,
          reason: `The payment is ${payment.status.toLowerCase()} at Toss Payments`,
          providerReference,
        }
      default:
        // READY, IN_PROGRESS, WAITING_FOR_DEPOSIT: Toss has not decided yet.
        return { status: 'pending', providerReference }
    }
  }

  #decline(error: { code: string; message: string }) {
    return { code: error.code, reason: error.message || error.code }
  }

  /** Toss masks the card number itself; `last4` only when its last four digits are shown. */
  #summary(card: TossCard): MethodSummary {
    const tail = card.number.slice(-4)
    return {
      brand: ISSUERS[card.issuerCode] ?? `card_${card.issuerCode.toLowerCase()}`,
      ...(/^\d{4}$/.test(tail) ? { last4: tail } : {}),
    }
  }

  #customerKey(email: string): string {
    const digest = createHmac('sha256', this.#options.secretKey)
      .update(`customer:${email.trim().toLowerCase()}`)
      .digest('base64url')
    return `jt_${digest.slice(0, 40)}`
  }

  #assertKrw(currency: string) {
    if (currency !== 'KRW') {
      throw new PaymentOperationUnsupportedException(this.code, `payments in ${currency}`)
    }
  }
}

/** The factory for config/payments.ts: options are checked now, the adapter built on first use. */
export function tossAdapter(options: Partial<TossOptions>): PaymentAdapterFactory {
  const valid = TossAdapter.validateOptions(options)
  return () => new TossAdapter(valid)
}
