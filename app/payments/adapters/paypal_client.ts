import {
  AbortError,
  ApiError,
  ArgumentsValidationError,
  Client,
  ClientCredentialsAuthManager,
  Environment,
  OrdersController,
  PaymentsController,
  type ApiResponse,
  type OAuthToken,
} from '@paypal/paypal-server-sdk'
import {
  PaymentAdapterMisconfiguredException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import { PAYPAL_CURRENCIES, isPayPalCurrency } from '#payments/adapters/paypal_money'
import type { PayPalTransmission } from '#payments/adapters/paypal_webhook'

export interface PayPalOptions {
  /** The REST app's client id; PAYPAL_CLIENT_ID. */
  clientId: string
  /** The REST app's secret; PAYPAL_CLIENT_SECRET. */
  clientSecret: string
  /** The id of the webhook subscribed to POST /webhooks/paypal; PAYPAL_WEBHOOK_ID. */
  webhookId: string
  /** PAYPAL_ENVIRONMENT: `sandbox` (the default) or `live`. */
  environment?: 'sandbox' | 'live'
  /** PAYPAL_API_URL; defaults to PayPal's sandbox or live API by `environment`. */
  apiUrl?: string
  /** The store currency (STORE_CURRENCY); PayPal must take it. */
  currency: string
  /** Shown on PayPal's approval page instead of the merchant account's name. */
  brandName?: string
  /** Seconds a webhook's transmission time may differ from ours. */
  webhookTolerance?: number
  /** Milliseconds before a call counts as an outage. */
  timeout?: number
}

/** The options with their defaults, as the adapter keeps them. */
export type ValidPayPalOptions = Required<PayPalOptions>

const API_URLS = { sandbox: 'https://api-m.sandbox.paypal.com', live: 'https://api-m.paypal.com' }
/** Renew the OAuth token this many seconds before PayPal says it expires. */
const TOKEN_SKEW_SECONDS = 60

/** Checks the options once, at boot, naming the environment variable to fix. */
export function validatePayPalOptions(options: Partial<PayPalOptions>): ValidPayPalOptions {
  const fail = (message: string) =>
    new PaymentAdapterMisconfiguredException(`${message} (config/payments.ts)`)
  const keys = [
    ['clientId', 'PAYPAL_CLIENT_ID'],
    ['clientSecret', 'PAYPAL_CLIENT_SECRET'],
    ['webhookId', 'PAYPAL_WEBHOOK_ID'],
  ] as const
  for (const [option, envKey] of keys) {
    if (!options[option]?.trim()) {
      throw fail(`The PayPal adapter needs a "${option}": set ${envKey} in the environment`)
    }
  }
  const environment = options.environment ?? 'sandbox'
  if (environment !== 'sandbox' && environment !== 'live') {
    throw fail(`PAYPAL_ENVIRONMENT must be "sandbox" or "live" (got "${environment}")`)
  }
  const apiUrl = (options.apiUrl?.trim() || API_URLS[environment]).replace(/\/+$/, '')
  if (!URL.canParse(apiUrl) || !/^https?:$/.test(new URL(apiUrl).protocol)) {
    throw fail(`The PayPal adapter's "apiUrl" is not an http(s) URL: fix PAYPAL_API_URL`)
  }
  const currency = options.currency?.trim().toUpperCase() ?? ''
  if (!isPayPalCurrency(currency)) {
    throw fail(
      `PayPal does not take payments in "${currency || 'no currency'}": set STORE_CURRENCY to ` +
        `one of ${[...PAYPAL_CURRENCIES].join(', ')}, or do not enable the PayPal adapter`
    )
  }
  return {
    clientId: options.clientId!.trim(),
    clientSecret: options.clientSecret!.trim(),
    webhookId: options.webhookId!.trim(),
    environment,
    apiUrl,
    currency,
    brandName: options.brandName?.trim() ?? '',
    webhookTolerance: options.webhookTolerance ?? 300,
    timeout: options.timeout ?? 20_000,
  }
}

/** A refusal PayPal answered with (4xx), which the adapter reports as a decline. */
export interface PayPalDecline {
  declined: true
  code: string
  reason: string
}

/** Whether `call` answered with a decline instead of PayPal's object. */
export function isDecline<T>(value: T | PayPalDecline): value is PayPalDecline {
  return typeof value === 'object' && value !== null && 'declined' in value
}

/** The body of a PayPal error (`{ name, message, details: [{ issue, description }] }`). */
interface PayPalErrorBody {
  name?: string
  message?: string
  error?: string
  error_description?: string
  details?: { issue?: string; description?: string }[]
}

/**
 * The official SDK (Orders v2, Payments v2) plus the one endpoint it lacks,
 * verify-webhook-signature, sharing one cached OAuth token. Two things go
 * through the SDK's own request interceptor: the SDK only knows PayPal's two
 * hosts, so each request is re-based onto `apiUrl` (a local server in tests);
 * and the bearer token is ours, because the SDK keeps a failed token fetch as
 * its token for good (every later call would rethrow that one outage).
 */
export class PayPalClient {
  readonly orders: OrdersController
  readonly payments: PaymentsController
  readonly #options: ValidPayPalOptions
  readonly #auth: ClientCredentialsAuthManager
  #token?: OAuthToken
  #pendingToken?: Promise<OAuthToken>

  constructor(options: ValidPayPalOptions) {
    this.#options = options
    const sdk = new Client({
      environment: options.environment === 'live' ? Environment.Production : Environment.Sandbox,
      timeout: options.timeout,
      clientCredentialsAuthCredentials: {
        oAuthClientId: options.clientId,
        oAuthClientSecret: options.clientSecret,
        // Never expires, so the SDK never fetches; the interceptor puts the real token in.
        oAuthToken: { accessToken: 'replaced-per-request', tokenType: 'Bearer' },
      },
    })
    const sdkBase = API_URLS[options.environment]
    const factory = sdk.getRequestBuilderFactory()
    const rebased = {
      getRequestBuilderFactory:
        (): typeof factory =>
        (...args) => {
          const builder = factory(...args)
          builder.intercept(async (request, requestOptions, next) => {
            const headers = { ...request.headers }
            const bearer = Object.keys(headers).find(
              (name) =>
                name.toLowerCase() === 'authorization' && headers[name].startsWith('Bearer ')
            )
            if (bearer) {
              const token = await this.accessToken()
              headers[bearer] = `Bearer ${token.accessToken}`
            }
            const url = request.url.startsWith(sdkBase)
              ? options.apiUrl + request.url.slice(sdkBase.length)
              : request.url
            return next({ ...request, url, headers }, requestOptions)
          })
          return builder
        },
    }
    this.orders = new OrdersController(rebased)
    this.payments = new PaymentsController(rebased)
    this.#auth = new ClientCredentialsAuthManager(
      { oAuthClientId: options.clientId, oAuthClientSecret: options.clientSecret },
      rebased
    )
  }

  /** One client-credentials token for all calls, fetched again a minute before it expires. */
  async accessToken(): Promise<OAuthToken> {
    const token = this.#token
    if (token && Number(token.expiry ?? 0) - TOKEN_SKEW_SECONDS > Date.now() / 1000) return token
    this.#pendingToken ??= this.#auth
      .fetchToken()
      .then((fresh) => (this.#token = fresh))
      .finally(() => (this.#pendingToken = undefined))
    return this.#pendingToken
  }

  /** Runs one SDK call: its result, or PayPal's refusal as a decline (see `refusal`). */
  async call<T>(what: string, run: () => Promise<ApiResponse<T>>): Promise<T | PayPalDecline> {
    try {
      const response = await run()
      return response.result
    } catch (error) {
      return refusal(what, error)
    }
  }

  /**
   * POST /v1/notifications/verify-webhook-signature. The delivery's raw body
   * is passed through byte for byte as `webhook_event`: PayPal signs the CRC32
   * of the bytes it sent, so a re-serialized event could fail to verify.
   */
  async verifyWebhookSignature(
    transmission: PayPalTransmission,
    rawEvent: string
  ): Promise<boolean> {
    let token: OAuthToken
    try {
      token = await this.accessToken()
    } catch (error) {
      const refused = refusal('an OAuth token', error)
      throw new PaymentAdapterMisconfiguredException(
        `PayPal refused an OAuth token (${refused.code}): check PAYPAL_CLIENT_ID and ` +
          'PAYPAL_CLIENT_SECRET'
      )
    }
    const fields = JSON.stringify({ ...transmission, webhook_id: this.#options.webhookId })
    let response: Response
    try {
      response = await fetch(`${this.#options.apiUrl}/v1/notifications/verify-webhook-signature`, {
        method: 'POST',
        headers: {
          'Authorization': `Bearer ${token.accessToken}`,
          'Content-Type': 'application/json',
        },
        body: `${fields.slice(0, -1)},"webhook_event":${rawEvent}}`,
        signal: AbortSignal.timeout(this.#options.timeout),
      })
    } catch (error) {
      throw outage('verify-webhook-signature', error)
    }
    const text = await response.text()
    if (response.status >= 500 || response.status === 429) {
      throw new PaymentProviderUnavailableException(
        `PayPal answered ${response.status} to verify-webhook-signature; retry later`
      )
    }
    if (response.status === 401 || response.status === 403) {
      throw new PaymentAdapterMisconfiguredException(
        `PayPal refused to verify a webhook (${response.status}): check PAYPAL_CLIENT_ID ` +
          'and PAYPAL_CLIENT_SECRET'
      )
    }
    return response.ok && parseObject(text)?.verification_status === 'SUCCESS'
  }
}

/**
 * What a failed SDK call means. Outages (network, timeouts, 5xx, 429) throw
 * E_PAYMENT_PROVIDER_UNAVAILABLE so the caller retries with the same
 * PayPal-Request-Id; refused credentials are a misconfiguration; other 4xx
 * answers are a decline with PayPal's issue code (INSTRUMENT_DECLINED …).
 */
function refusal(what: string, error: unknown): PayPalDecline {
  if (!(error instanceof ApiError)) throw outage(what, error)
  const status = error.statusCode
  const body = errorBody(error)
  const detail = body.details?.[0]
  const reason = detail?.description ?? body.message ?? body.error_description ?? ''
  if (status >= 500 || status === 429 || status === 408) {
    throw new PaymentProviderUnavailableException(
      `PayPal answered ${status} to ${what}; retry later`,
      { cause: error }
    )
  }
  if (status === 401 || status === 403) {
    throw new PaymentAdapterMisconfiguredException(
      `PayPal refused the credentials for ${what} (${status} ${reason}): check ` +
        'PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET and PAYPAL_ENVIRONMENT',
      { cause: error }
    )
  }
  const code = detail?.issue ?? body.name ?? body.error ?? `HTTP_${status}`
  return { declined: true, code, reason: reason || `PayPal refused ${what}` }
}

function outage(what: string, error: unknown) {
  if (error instanceof ArgumentsValidationError) return error
  const message = error instanceof Error ? error.message : String(error)
  const kind = error instanceof AbortError ? 'timed out' : 'could not be reached'
  return new PaymentProviderUnavailableException(`PayPal ${kind} (${what}): ${message}`, {
    cause: error,
  })
}

function errorBody(error: ApiError): PayPalErrorBody {
  if (typeof error.result === 'object' && error.result !== null) return error.result
  return (typeof error.body === 'string' && parseObject(error.body)) || {}
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
