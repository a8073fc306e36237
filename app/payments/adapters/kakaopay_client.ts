import { createHash } from 'node:crypto'
import { PaymentProviderUnavailableException } from '#payments/errors'

/** KakaoPay's amount breakdown; `total` is what the shopper paid, in won. */
export interface KakaoPayAmount {
  total: number
  tax_free: number
  vat?: number
  point?: number
  discount?: number
}

/** The card the shopper picked, as approve reports it (no card number). */
export interface KakaoPayCardInfo {
  kakaopay_issuer_corp?: string
  kakaopay_purchase_corp?: string
  bin?: string
  card_type?: string
}

/** POST /online/v1/payment/ready answer. */
export interface KakaoPayReady {
  tid: string
  next_redirect_pc_url: string
  next_redirect_mobile_url: string
  next_redirect_app_url?: string
  created_at: string
}

/** POST /online/v1/payment/approve answer. */
export interface KakaoPayApproval {
  aid: string
  tid: string
  partner_order_id: string
  payment_method_type: 'CARD' | 'MONEY'
  amount: KakaoPayAmount
  card_info?: KakaoPayCardInfo
  approved_at: string
}

/** POST /online/v1/payment/cancel answer. */
export interface KakaoPayCancellation {
  aid: string
  tid: string
  status: string
  amount: KakaoPayAmount
  canceled_amount: KakaoPayAmount
  cancel_available_amount: KakaoPayAmount
  canceled_at: string
}

/** One approve or cancel on an order, with the `payload` we sent along. */
export interface KakaoPayAction {
  aid: string
  payment_action_type: 'PAYMENT' | 'CANCEL' | 'ISSUED_SID'
  amount: number
  payload?: string | null
  approved_at: string
}

/** POST /online/v1/payment/order answer: the payment's state and history. */
export interface KakaoPayOrder {
  tid: string
  status: string
  partner_order_id: string
  partner_user_id: string
  payment_method_type?: 'CARD' | 'MONEY' | null
  amount: KakaoPayAmount
  canceled_amount?: KakaoPayAmount | null
  cancel_available_amount?: KakaoPayAmount | null
  selected_card_info?: { card_corp_name?: string; card_bin?: string } | null
  payment_action_details?: KakaoPayAction[]
}

/** KakaoPay's error body: a negative code, a message, and the card issuer's reason in extras. */
export interface KakaoPayError {
  error_code: number
  error_message: string
  extras?: { method_result_code?: string; method_result_message?: string } | null
}

/** A 2xx answer, or a 4xx refusal the adapter turns into a decline. */
export type KakaoPayAnswer<T> = { ok: true; body: T } | { ok: false; error: KakaoPayError }

/**
 * The JSON client for open-api.kakaopay.com (`Authorization: SECRET_KEY …`).
 * Network failures and 5xx throw E_PAYMENT_PROVIDER_UNAVAILABLE; 4xx come back
 * as `{ ok: false }` with KakaoPay's error code and message.
 */
export class KakaoPayClient {
  constructor(
    readonly apiUrl: string,
    readonly secretKey: string
  ) {}

  async post<T>(path: string, body: Record<string, unknown>): Promise<KakaoPayAnswer<T>> {
    let response: Response
    try {
      response = await fetch(`${this.apiUrl}${path}`, {
        method: 'POST',
        headers: {
          'Authorization': `SECRET_KEY ${this.secretKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      })
    } catch (error) {
      throw new PaymentProviderUnavailableException(
        `KakaoPay could not be reached (${path}): ${(error as Error).message}`,
        { cause: error }
      )
    }
    const text = await response.text()
    if (response.status >= 500) {
      throw new PaymentProviderUnavailableException(
        `KakaoPay answered ${response.status} to ${path}; retry later`
      )
    }
    const parsed = parseJson(text)
    if (response.ok && parsed) return { ok: true, body: parsed as T }
    if (!response.ok && isKakaoPayError(parsed)) return { ok: false, error: parsed }
    throw new PaymentProviderUnavailableException(
      `KakaoPay answered ${response.status} to ${path} with an unreadable body`
    )
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function isKakaoPayError(value: unknown): value is KakaoPayError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error_code' in value &&
    typeof value.error_code === 'number'
  )
}

/** A refusal as a decline: the issuer's code and message when given, else KakaoPay's. */
export function declineFields(error: KakaoPayError) {
  return {
    code: error.extras?.method_result_code || String(error.error_code),
    reason: error.extras?.method_result_message || error.error_message,
  }
}

/** `payload` holds 200 characters; longer idempotency keys are hashed to fit. */
export function requestPayload(idempotencyKey: string): string {
  if (idempotencyKey.length <= 200) return idempotencyKey
  return `sha256:${createHash('sha256').update(idempotencyKey).digest('hex')}`
}
