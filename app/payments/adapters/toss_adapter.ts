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
  PaymentAdapter,
  PaymentAdapterFactory,
  PaymentCustomer,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
  SavedMethod,
  SaveMethodInput,
  VerifiedEvent,
  WebhookInput,
} from '#payments/types'
import {
  type TossAnswer,
  type TossBillingKey,
  type TossPayment,
  TossClient,
} from '#payments/adapters/toss_client'
import {
  invalidReturn,
  tossDecline as decline,
  tossPaymentResult,
  withQuery,
} from '#payments/adapters/toss_results'
import {
  billingReturn,
  tossCustomerKey,
  tossOrderName,
  tossSavedMethod,
} from '#payments/adapters/toss_billing'
import { verifyTossWebhook } from '#payments/adapters/toss_webhook'

export interface TossOptions {
  /** The public client key the checkout page opens the Toss SDK with; set TOSS_CLIENT_KEY. */
  clientKey: string
  /** The secret key for the server API; set TOSS_SECRET_KEY. */
  secretKey: string
  /** The API base URL; set TOSS_API_URL (tests point it at a local server). */
  apiUrl?: string
  /** The Toss Payments SDK v2 the checkout page loads; set TOSS_JS_URL to use another copy. */
  jsUrl?: string
  /** Where the shop's Toss checkout pages live; the attempt id is appended. */
  checkoutUrl?: string
}

/** Where each option comes from in config/payments.ts, for the boot-time error. */
const ENV_KEYS = { clientKey: 'TOSS_CLIENT_KEY', secretKey: 'TOSS_SECRET_KEY' } as const

/** Statuses with money taken or promised; a payment in any other status has nothing to cancel. */
const CANCELABLE = new Set(['DONE', 'PARTIAL_CANCELED', 'WAITING_FOR_DEPOSIT'])

/**
 * 토스페이먼츠: the checkout page opens the Toss payment window (SDK v2) and
 * Toss sends the shopper back with paymentKey, orderId and amount; `confirm`
 * then approves the payment (POST /v1/payments/confirm) for the order's
 * amount. A shopper who keeps the card registers it instead (빌링 인증), and
 * `confirm` issues the billing key and charges it. Payments are known by
 * their orderId, our attempt id, which Toss echoes everywhere (webhooks
 * included). Refunds are cancels, whole or partial. KRW only.
 */
export class TossAdapter implements PaymentAdapter {
  readonly code = 'toss'
  readonly label = { ko: '토스페이먼츠', en: 'Toss Payments' }
  readonly capabilities = {
    manualCapture: false,
    refunds: true,
    partialRefunds: true,
    savedMethods: true,
    webhooks: true,
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
    const urls = {
      apiUrl: [options.apiUrl?.trim() || 'https://api.tosspayments.com', 'TOSS_API_URL'],
      jsUrl: [options.jsUrl?.trim() || 'https://js.tosspayments.com/v2/standard', 'TOSS_JS_URL'],
    }
    for (const [option, [url, envKey]] of Object.entries(urls)) {
      if (!URL.canParse(url)) {
        throw new PaymentAdapterMisconfiguredException(
          `Toss Payments "${option}" is not a URL: fix ${envKey} in the environment`
        )
      }
    }
    return {
      clientKey: options.clientKey!,
      secretKey: options.secretKey!,
      apiUrl: urls.apiUrl[0],
      jsUrl: urls.jsUrl[0],
      checkoutUrl: (options.checkoutUrl?.trim() || '/payments/toss').replace(/\/+$/, ''),
    }
  }

  readonly #options: Required<TossOptions>
  readonly #client: TossClient

  constructor(options: Partial<TossOptions>) {
    this.#options = TossAdapter.validateOptions(options)
    this.#client = new TossClient(this.#options.secretKey, this.#options.apiUrl)
  }

  /** What the checkout page needs besides the payment: the SDK and the public key. */
  get page() {
    return { jsUrl: this.#options.jsUrl, clientKey: this.#options.clientKey }
  }

  /**
   * No API call yet: the shopper goes to the checkout page with what the SDK
   * needs. Toss knows the payment by our attempt id (orderId). When the method
   * is to be saved, the page registers the card (requestBillingAuth) instead.
   */
  async initiate(input: InitiateInput): Promise<PaymentSession> {
    this.#assertKrw(input.currency)
    const path = `${this.#options.checkoutUrl}/${encodeURIComponent(input.attemptId)}`
    const page = URL.canParse(input.returnUrl) ? new URL(path, input.returnUrl).href : path
    const orderName = tossOrderName(input.description)
    const query = new URLSearchParams({
      clientKey: this.#options.clientKey,
      orderId: input.attemptId,
      orderName,
      amount: String(input.amount),
      successUrl: input.returnUrl,
      failUrl: page,
    })
    if (input.saveMethod) {
      query.set('flow', 'billing')
      query.set('customerKey', this.#customerKey(input.customer))
      query.set('successUrl', withQuery(input.returnUrl, { orderName }))
    }
    return { type: 'redirect', url: `${page}?${query}`, providerReference: input.attemptId }
  }

  /**
   * The shopper is back. A failUrl return carries Toss's code and message; a
   * card registration (authKey) is turned into a billing key and charged; a
   * payment (paymentKey) is approved for the ORDER's amount, so a tampered
   * amount in the return URL is refused by Toss instead of charged.
   */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const { paymentKey, orderId, code, message, authKey } = input.params
    if (code) return { status: 'declined', code, reason: message || code }
    if (authKey) return this.#confirmBilling(input)
    if (!paymentKey || orderId !== input.attemptId) {
      return invalidReturn('The return from Toss Payments does not carry this order’s paymentKey')
    }
    const answer = await this.#client.post<TossPayment>(
      '/v1/payments/confirm',
      { paymentKey, orderId, amount: input.amount },
      input.idempotencyKey
    )
    return tossPaymentResult(answer, input.attemptId)
  }

  /** Toss approves and captures in one step at confirm; there is nothing to capture later. */
  async capture(_input: CaptureInput): Promise<PaymentResult> {
    throw new PaymentOperationUnsupportedException(this.code, 'manual capture')
  }

  /** A refund is a cancel of `amount` (부분취소 when less than the balance). */
  async refund(input: RefundInput): Promise<RefundResult> {
    this.#assertKrw(input.currency)
    const found = await this.#find(input.providerReference)
    if (!found.ok) return { status: 'declined', ...decline(found.error) }
    const answer = await this.#client.post<TossPayment>(
      `/v1/payments/${encodeURIComponent(found.data.paymentKey)}/cancel`,
      { cancelReason: input.reason, cancelAmount: input.amount },
      input.idempotencyKey
    )
    if (!answer.ok) return { status: 'declined', ...decline(answer.error) }
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
   * cancelled.
   */
  async cancel(input: CancelInput): Promise<PaymentResult> {
    const canceled = { status: 'canceled', providerReference: input.providerReference } as const
    const found = await this.#find(input.providerReference)
    if (!found.ok || !CANCELABLE.has(found.data.status)) return canceled
    const answer = await this.#client.post<TossPayment>(
      `/v1/payments/${encodeURIComponent(found.data.paymentKey)}/cancel`,
      { cancelReason: input.reason },
      input.idempotencyKey
    )
    if (!answer.ok) return { status: 'declined', ...decline(answer.error) }
    return canceled
  }

  /** Toss does not sign payment webhooks: the event is checked by fetching the payment. */
  parseWebhook(input: WebhookInput): Promise<VerifiedEvent> {
    return verifyTossWebhook(this.#client, input)
  }

  /** Turns the authKey of Toss's card registration window (빌링 인증) into a billing key. */
  async savePaymentMethod(input: SaveMethodInput): Promise<SavedMethod> {
    const customerKey = this.#customerKey(input.customer)
    const answer = await this.#issue(input.params.authKey ?? '', customerKey, input.idempotencyKey)
    if (!answer.ok) {
      throw new PaymentMethodRejectedException(answer.error.code, answer.error.message)
    }
    return tossSavedMethod(answer.data)
  }

  /** Charges a billing key: approved and captured at once, or declined with Toss's code. */
  async chargeSavedMethod(input: ChargeSavedInput): Promise<PaymentResult> {
    this.#assertKrw(input.currency)
    return this.#charge({
      ...input,
      orderName: tossOrderName(input.description),
      customerEmail: input.customer.email,
    })
  }

  /**
   * The return of the card registration window: issue the billing key, then
   * charge it for this order. Both calls are keyed on the confirm's key, so a
   * retry after a crash issues and charges once.
   */
  async #confirmBilling(input: ConfirmInput): Promise<PaymentResult> {
    this.#assertKrw(input.currency)
    const registration = billingReturn(input, input.customer && this.#customerKey(input.customer))
    if ('invalid' in registration) return invalidReturn(registration.invalid)
    const { authKey, customerKey, orderName } = registration
    const issued = await this.#issue(authKey, customerKey, `${input.idempotencyKey}:issue`)
    if (!issued.ok) return { status: 'declined', ...decline(issued.error) }
    const savedMethod = tossSavedMethod(issued.data)
    const result = await this.#charge({
      ...input,
      ...savedMethod,
      idempotencyKey: `${input.idempotencyKey}:charge`,
      orderName,
      customerEmail: input.customer?.email,
    })
    return result.status === 'captured' ? { ...result, savedMethod } : result
  }

  /** POST /v1/billing/{billingKey}: one charge per orderId (our attempt id). */
  async #charge(charge: {
    providerMethodId: string
    providerCustomerId: string
    attemptId: string
    amount: number
    orderName: string
    customerEmail?: string
    idempotencyKey: string
  }): Promise<PaymentResult> {
    const answer = await this.#client.post<TossPayment>(
      `/v1/billing/${encodeURIComponent(charge.providerMethodId)}`,
      {
        customerKey: charge.providerCustomerId,
        amount: charge.amount,
        orderId: charge.attemptId,
        orderName: charge.orderName,
        ...(charge.customerEmail ? { customerEmail: charge.customerEmail } : {}),
      },
      charge.idempotencyKey
    )
    return tossPaymentResult(answer, charge.attemptId)
  }

  /** The shopper's Toss customerKey: the one they already have, or one derived from the email. */
  #customerKey(customer: PaymentCustomer): string {
    return customer.providerCustomerId ?? tossCustomerKey(this.#options.secretKey, customer.email)
  }

  #issue(authKey: string, customerKey: string, idempotencyKey: string) {
    return this.#client.post<TossBillingKey>(
      '/v1/billing/authorizations/issue',
      { authKey, customerKey },
      idempotencyKey
    )
  }

  /** A payment by our reference (the orderId), or by a paymentKey. */
  async #find(reference: string): Promise<TossAnswer<TossPayment>> {
    const encoded = encodeURIComponent(reference)
    const byOrder = await this.#client.get<TossPayment>(`/v1/payments/orders/${encoded}`)
    return byOrder.ok ? byOrder : this.#client.get<TossPayment>(`/v1/payments/${encoded}`)
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
