import {
  PaymentAdapterMisconfiguredException,
  PaymentProviderUnavailableException,
} from '#payments/errors'

/** A card as Toss returns it: the number is masked by Toss (e.g. `43301234****123*`). */
export interface TossCard {
  issuerCode: string
  number: string
  cardType?: string
}

/** One cancel (refund) on a payment; `transactionKey` identifies it. */
export interface TossCancel {
  transactionKey: string
  cancelAmount: number
  cancelReason: string
  canceledAt: string
}

/** The Payment object of the Toss Payments core API (the fields Jangteo reads). */
export interface TossPayment {
  paymentKey: string
  orderId: string
  status: string
  totalAmount: number
  balanceAmount: number
  currency: string
  method: string | null
  card: TossCard | null
  cancels: TossCancel[] | null
}

/** The answer of POST /v1/billing/authorizations/issue. */
export interface TossBillingKey {
  billingKey: string
  customerKey: string
  card: TossCard
}

/** A 4xx answer: Toss's own `{ code, message }`, e.g. REJECT_CARD_PAYMENT. */
export interface TossError {
  code: string
  message: string
}

/** Either the resource or the provider's refusal; outages are thrown, never returned. */
export type TossAnswer<T> = { ok: true; data: T } | { ok: false; error: TossError }

/**
 * A small fetch client for https://api.tosspayments.com: Basic auth with the
 * secret key (`base64(secretKey + ':')`), the documented `Idempotency-Key`
 * header on calls that move money, and errors sorted into refusals (4xx,
 * returned) and outages (network, 429, 5xx, thrown).
 */
export class TossClient {
  readonly #apiUrl: string
  readonly #authorization: string

  constructor(secretKey: string, apiUrl: string) {
    this.#apiUrl = apiUrl.replace(/\/+$/, '')
    this.#authorization = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`
  }

  /** GET a resource; a 404 comes back as `{ ok: false }` with Toss's code. */
  get<T>(path: string): Promise<TossAnswer<T>> {
    return this.#send<T>('GET', path)
  }

  /** POST with an idempotency key: a retry with the same key gets the first answer. */
  post<T>(path: string, body: object, idempotencyKey: string): Promise<TossAnswer<T>> {
    return this.#send<T>('POST', path, body, idempotencyKey)
  }

  async #send<T>(
    method: string,
    path: string,
    body?: object,
    idempotencyKey?: string
  ): Promise<TossAnswer<T>> {
    const headers: Record<string, string> = { Authorization: this.#authorization }
    if (body) headers['Content-Type'] = 'application/json'
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
    let response: Response
    let payload: unknown
    try {
      response = await fetch(`${this.#apiUrl}${path}`, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      })
      payload = await response.json()
    } catch (error) {
      throw new PaymentProviderUnavailableException(
        `Toss Payments could not be reached (${method} ${path}): ${(error as Error).message}`,
        { cause: error }
      )
    }
    if (response.ok) return { ok: true, data: payload as T }
    const error = payload as Partial<TossError>
    const code = error.code ?? `HTTP_${response.status}`
    const message = error.message ?? response.statusText
    if (response.status >= 500 || response.status === 429 || response.status === 409) {
      throw new PaymentProviderUnavailableException(
        `Toss Payments answered ${response.status} ${code} (${method} ${path}): ${message}`
      )
    }
    if (response.status === 401) {
      throw new PaymentAdapterMisconfiguredException(
        `Toss Payments refused the secret key (${code}: ${message}): check TOSS_SECRET_KEY`
      )
    }
    return { ok: false, error: { code, message } }
  }
}
