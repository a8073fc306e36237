import { createHash } from 'node:crypto'
import { PaymentProviderUnavailableException } from '#payments/errors'

/** The merchant credentials every NaverPay API call carries. */
export interface NaverPayCredentials {
  partnerId: string
  clientId: string
  clientSecret: string
  chainId: string
  /** The API domain, e.g. https://dev-pub.apis.naver.com (without the partner id). */
  apiUrl: string
}

/** The approval detail of apply/payment (the fields Jangteo reads). */
export interface NaverPayDetail {
  paymentId: string
  merchantPayKey: string
  admissionState: string
  totalPayAmount: number
  primaryPayMeans?: string
  cardNo?: string
}

/** The cancel answer (the fields Jangteo reads). */
export interface NaverPayCancel {
  paymentId: string
  payHistId: string
  primaryPayCancelAmount: number
  npointCancelAmount?: number
  giftCardCancelAmount?: number
  discountCancelAmount?: number
}

/** A NaverPay answer: `code: 'Success'` with a body, or an error code and message. */
export type NaverPayAnswer<T> = { ok: true; body: T } | { ok: false; code: string; message: string }

const TIMEOUT_MS = 15_000

/**
 * The NaverPay payments API over fetch: form posts with the merchant headers
 * and X-NaverPay-Idempotency-Key. A network failure or 5xx throws
 * PaymentProviderUnavailableException; any other answer is returned.
 */
export class NaverPayClient {
  constructor(readonly credentials: NaverPayCredentials) {}

  /** Approves the payment the shopper authenticated in the window (결제 승인). */
  apply(paymentId: string, idempotencyKey: string) {
    return this.#post<{ paymentId: string; detail: NaverPayDetail }>(
      'v2.2/apply/payment',
      { paymentId },
      idempotencyKey
    )
  }

  /** Cancels all or part of an approved payment (결제 취소). */
  cancel(fields: Record<string, string>, idempotencyKey: string) {
    return this.#post<NaverPayCancel>('v1/cancel', fields, idempotencyKey)
  }

  async #post<T>(
    api: string,
    fields: Record<string, string>,
    idempotencyKey: string
  ): Promise<NaverPayAnswer<T>> {
    const { apiUrl, partnerId, clientId, clientSecret, chainId } = this.credentials
    const url = `${apiUrl}/${encodeURIComponent(partnerId)}/naverpay/payments/${api}`
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'X-Naver-Client-Id': clientId,
          'X-Naver-Client-Secret': clientSecret,
          'X-NaverPay-Chain-Id': chainId,
          'X-NaverPay-Idempotency-Key': idempotencyHeader(idempotencyKey),
        },
        body: new URLSearchParams(fields).toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (error) {
      throw new PaymentProviderUnavailableException(
        `NaverPay could not be reached (${(error as Error).message}); retry later`,
        { cause: error }
      )
    }
    if (response.status >= 500) {
      throw new PaymentProviderUnavailableException(
        `NaverPay answered HTTP ${response.status} to ${api}; retry later`
      )
    }
    const payload = (await response.json().catch(() => ({}))) as {
      code?: string
      message?: string
      body?: T
    }
    if (response.ok && payload.code === 'Success' && payload.body) {
      return { ok: true, body: payload.body }
    }
    return {
      ok: false,
      code: payload.code || `http_${response.status}`,
      message: payload.message || `NaverPay answered HTTP ${response.status} to ${api}`,
    }
  }
}

/** Keys over 64 characters are hashed (stably, so a retry still matches) to stay short. */
function idempotencyHeader(key: string): string {
  return key.length <= 64 ? key : createHash('sha256').update(key).digest('hex')
}
