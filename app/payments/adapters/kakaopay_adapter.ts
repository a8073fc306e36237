import { createHash } from 'node:crypto'
import {
  PaymentAdapterMisconfiguredException,
  PaymentOperationUnsupportedException,
} from '#payments/errors'
import type {
  CancelInput,
  CaptureInput,
  ConfirmInput,
  InitiateInput,
  MethodSummary,
  PaymentAdapter,
  PaymentAdapterFactory,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
} from '#payments/types'
import {
  KakaoPayClient,
  type KakaoPayApproval,
  type KakaoPayCancellation,
  type KakaoPayError,
  type KakaoPayOrder,
  type KakaoPayReady,
  declineFields,
  requestPayload,
} from '#payments/adapters/kakaopay_client'

export interface KakaoPayOptions {
  /** The Secret key (dev or live) from KakaoPay's developer centre. */
  secretKey: string
  /** The merchant code; TC0ONETIME is KakaoPay's test CID for single payments. */
  cid: string
  /** Defaults to KakaoPay's API; tests point it at a local server. */
  apiUrl?: string
}

/** Order statuses after a successful approve (the money was taken, maybe refunded since). */
const APPROVED = new Set(['SUCCESS_PAYMENT', 'PART_CANCEL_PAYMENT', 'CANCEL_PAYMENT'])
/** Order statuses where the shopper or the card issuer ended the payment. */
const FAILED = new Set(['FAIL_AUTH_PASSWORD', 'QUIT_PAYMENT', 'FAIL_PAYMENT'])
/** In-process replay of `initiate`; a ready moves no money, so this is only a courtesy. */
const SESSION_CACHE_SIZE = 1_000

/**
 * 카카오페이 single payments (open-api.kakaopay.com): ready → the shopper
 * approves on Kakao's page → approve with the pg_token. KakaoPay captures at
 * approve and refunds through cancel; it has no webhooks for single payments.
 *
 * KakaoPay has no idempotency header. Retries are made safe by reading the
 * order first: a payment already approved is answered from the order instead
 * of approving again, and each refund carries the idempotency key as its
 * `payload`, which the order's action history echoes, so a retried refund is
 * found there and not sent twice. This guards a retry after a timeout or a
 * crash; two concurrent calls with one key are kept apart by the caller's lock.
 */
export class KakaoPayAdapter implements PaymentAdapter {
  readonly code = 'kakaopay'
  readonly label = { ko: '카카오페이', en: 'KakaoPay' }
  readonly capabilities = {
    manualCapture: false,
    refunds: true,
    partialRefunds: true,
    savedMethods: false,
    webhooks: false,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<KakaoPayOptions>): Required<KakaoPayOptions> {
    const missing = (env: string, what: string) =>
      new PaymentAdapterMisconfiguredException(
        `KakaoPay needs ${what}: set ${env} in the environment (config/payments.ts)`
      )
    if (!options.secretKey?.trim()) throw missing('KAKAOPAY_SECRET_KEY', 'a "secretKey"')
    if (!options.cid?.trim()) throw missing('KAKAOPAY_CID', 'a "cid" (TC0ONETIME to test)')
    const apiUrl = (options.apiUrl?.trim() || 'https://open-api.kakaopay.com').replace(/\/+$/, '')
    if (!URL.canParse(apiUrl)) throw missing('KAKAOPAY_API_URL', 'an "apiUrl" that is a URL')
    return { secretKey: options.secretKey.trim(), cid: options.cid.trim(), apiUrl }
  }

  readonly #cid: string
  readonly #client: KakaoPayClient
  readonly #sessions = new Map<string, Promise<PaymentSession>>()

  constructor(options: Partial<KakaoPayOptions>) {
    const valid = KakaoPayAdapter.validateOptions(options)
    this.#cid = valid.cid
    this.#client = new KakaoPayClient(valid.apiUrl, valid.secretKey)
  }

  /**
   * Readies the payment and sends the shopper to Kakao's page. Success and
   * failure both return to `returnUrl`; confirm reads the order to tell them apart.
   */
  async initiate(input: InitiateInput): Promise<PaymentSession> {
    if (input.currency !== 'KRW') {
      throw new PaymentOperationUnsupportedException(this.code, `payments in ${input.currency}`)
    }
    const cached = this.#sessions.get(input.idempotencyKey)
    if (cached) return cached
    const session = this.#ready(input)
    this.#sessions.set(input.idempotencyKey, session)
    session.catch(() => this.#sessions.delete(input.idempotencyKey))
    if (this.#sessions.size > SESSION_CACHE_SIZE) {
      this.#sessions.delete(this.#sessions.keys().next().value!)
    }
    return session
  }

  /** The shopper is back: approve with the pg_token unless the order says it is settled. */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const tid = input.providerReference
    const order = await this.#order(tid)
    if (!order.ok) return declined(order.error, tid)
    const settled = this.#settled(order.body)
    if (settled) return settled
    const pgToken = input.params.pg_token
    if (!pgToken) {
      return {
        status: 'declined',
        code: order.body.status,
        reason: 'The shopper did not approve the payment on KakaoPay',
        providerReference: tid,
      }
    }
    const approval = await this.#client.post<KakaoPayApproval>('/online/v1/payment/approve', {
      cid: this.#cid,
      tid,
      partner_order_id: order.body.partner_order_id,
      partner_user_id: order.body.partner_user_id,
      pg_token: pgToken,
    })
    if (approval.ok) {
      const { amount, payment_method_type: type, card_info: card } = approval.body
      return captured(tid, amount.total, methodSummary(type, card?.kakaopay_issuer_corp))
    }
    // A concurrent confirm may have approved it first: the order knows.
    const after = await this.#order(tid)
    return (after.ok && this.#settled(after.body)) || declined(approval.error, tid)
  }

  /** KakaoPay captures at approve; this reports the captured payment. */
  async capture(input: CaptureInput): Promise<PaymentResult> {
    const order = await this.#order(input.providerReference)
    if (!order.ok) return declined(order.error, input.providerReference)
    return (
      this.#settled(order.body) ?? {
        status: 'declined',
        code: order.body.status,
        reason: 'The payment was not approved on KakaoPay, so there is nothing to capture',
        providerReference: input.providerReference,
      }
    )
  }

  /** A partial or full cancel; a retry finds its earlier cancel by payload and replays it. */
  async refund(input: RefundInput): Promise<RefundResult> {
    const tid = input.providerReference
    const payload = requestPayload(input.idempotencyKey)
    const order = await this.#order(tid)
    if (!order.ok) return refused(order.error)
    const earlier = findCancel(order.body, payload)
    if (earlier) return earlier
    if (!APPROVED.has(order.body.status)) {
      return { status: 'declined', code: order.body.status, reason: 'The payment was not approved' }
    }
    const cancel = await this.#cancel(tid, input.amount, payload)
    if (cancel.ok) {
      const { aid, amount } = cancel.body
      return { status: 'refunded', refundReference: aid, amount: amount.total, currency: 'KRW' }
    }
    const after = await this.#order(tid)
    return (after.ok && findCancel(after.body, payload)) || refused(cancel.error)
  }

  /**
   * Abandons a payment. An unapproved ready took no money and lapses on
   * KakaoPay's side after 15 minutes, so only an approved one is cancelled in full.
   */
  async cancel(input: CancelInput): Promise<PaymentResult> {
    const tid = input.providerReference
    const order = await this.#order(tid)
    if (!order.ok) return declined(order.error, tid)
    const left = order.body.cancel_available_amount?.total ?? 0
    if (!APPROVED.has(order.body.status) || left === 0) {
      return { status: 'canceled', providerReference: tid }
    }
    const cancel = await this.#cancel(tid, left, requestPayload(input.idempotencyKey))
    return cancel.ok ? { status: 'canceled', providerReference: tid } : declined(cancel.error, tid)
  }

  async #ready(input: InitiateInput): Promise<PaymentSession> {
    const ready = await this.#client.post<KakaoPayReady>('/online/v1/payment/ready', {
      cid: this.#cid,
      partner_order_id: input.attemptId,
      partner_user_id: userId(input.customer.email),
      item_name: input.description.slice(0, 100),
      quantity: 1,
      total_amount: input.amount,
      tax_free_amount: 0,
      approval_url: input.returnUrl,
      cancel_url: input.cancelUrl,
      fail_url: input.returnUrl,
    })
    if (!ready.ok) {
      throw new PaymentAdapterMisconfiguredException(
        `KakaoPay refused to ready the payment (${ready.error.error_code} ` +
          `${ready.error.error_message}); check KAKAOPAY_SECRET_KEY and KAKAOPAY_CID`
      )
    }
    const { tid, next_redirect_pc_url: url } = ready.body
    return { type: 'redirect', url, providerReference: tid }
  }

  #order(tid: string) {
    return this.#client.post<KakaoPayOrder>('/online/v1/payment/order', { cid: this.#cid, tid })
  }

  #cancel(tid: string, amount: number, payload: string) {
    return this.#client.post<KakaoPayCancellation>('/online/v1/payment/cancel', {
      cid: this.#cid,
      tid,
      cancel_amount: amount,
      cancel_tax_free_amount: 0,
      payload,
    })
  }

  /** The result of an order that was approved or failed; null while the shopper is still paying. */
  #settled(order: KakaoPayOrder): PaymentResult | null {
    if (FAILED.has(order.status)) {
      return {
        status: 'declined',
        code: order.status,
        reason: 'The payment failed or was abandoned on KakaoPay',
        providerReference: order.tid,
      }
    }
    if (!APPROVED.has(order.status)) return null
    const payment = order.payment_action_details?.find((a) => a.payment_action_type === 'PAYMENT')
    const method = methodSummary(
      order.payment_method_type,
      order.selected_card_info?.card_corp_name
    )
    return captured(order.tid, payment?.amount ?? order.amount.total, method)
  }
}

/**
 * For config/payments.ts: `kakaopay: kakaopayAdapter({ secretKey: env.get('KAKAOPAY_SECRET_KEY'), … })`.
 * Options are checked while the config loads; the adapter is built on first use.
 */
export function kakaopayAdapter(options: Partial<KakaoPayOptions>): PaymentAdapterFactory {
  const valid = KakaoPayAdapter.validateOptions(options)
  return () => new KakaoPayAdapter(valid)
}

function captured(tid: string, amount: number, method: MethodSummary): PaymentResult {
  return { status: 'captured', providerReference: tid, amount, currency: 'KRW', method }
}

function methodSummary(type: string | null | undefined, cardCorp?: string): MethodSummary {
  if (type === 'MONEY') return { brand: 'kakaopay_money' }
  return { brand: cardCorp || 'card' }
}

function findCancel(order: KakaoPayOrder, payload: string): RefundResult | null {
  const action = order.payment_action_details?.find(
    (a) => a.payment_action_type === 'CANCEL' && a.payload === payload
  )
  if (!action) return null
  return { status: 'refunded', refundReference: action.aid, amount: action.amount, currency: 'KRW' }
}

/** KakaoPay's decline: the issuer's code and message when it gave them, else KakaoPay's. */
function declined(error: KakaoPayError, providerReference: string): PaymentResult {
  return { status: 'declined', ...declineFields(error), providerReference }
}

function refused(error: KakaoPayError): RefundResult {
  return { status: 'declined', ...declineFields(error) }
}

/** partner_user_id without the shopper's email in KakaoPay's records. */
function userId(email: string): string {
  return `u_${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`
}
