import Stripe from 'stripe'
import {
  PaymentAdapterMisconfiguredException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type {
  MethodSummary,
  PaymentResult,
  RefundResult,
  SavedMethod,
  VerifiedEvent,
} from '#payments/types'

export interface StripeOptions {
  /** The secret API key (`sk_test_…` / `sk_live_…` or a restricted `rk_…`); STRIPE_SECRET_KEY. */
  secretKey: string
  /** Handed to Stripe.js in the checkout page (`pk_…`); STRIPE_PUBLISHABLE_KEY. */
  publishableKey: string
  /** Signs webhooks to POST /webhooks/stripe (`whsec_…`); STRIPE_WEBHOOK_SECRET. */
  webhookSecret: string
  /** The API base URL; STRIPE_API_URL. Defaults to https://api.stripe.com. */
  apiUrl?: string
  /** Where the payment page loads Stripe.js from; STRIPE_JS_URL. Defaults to https://js.stripe.com/v3/. */
  jsUrl?: string
  /** Seconds a webhook timestamp may be old (Stripe's own default is 300). */
  webhookTolerance?: number
  /** Retries of a failed network call by the SDK, reusing the idempotency key. */
  maxNetworkRetries?: number
  /** Milliseconds before a call counts as an outage. */
  timeout?: number
}

/** The options with their defaults, as the adapter keeps them. */
export type ValidStripeOptions = Required<StripeOptions>

/** Sanity checks of the key shapes, naming the environment variable to fix. */
const KEYS = [
  ['secretKey', 'STRIPE_SECRET_KEY', /^(sk|rk)_(test|live)_\w+$/],
  ['publishableKey', 'STRIPE_PUBLISHABLE_KEY', /^pk_(test|live)_\w+$/],
  ['webhookSecret', 'STRIPE_WEBHOOK_SECRET', /^whsec_\w+$/],
] as const

/** Checks the options once, at boot, and fills the defaults. */
export function validateStripeOptions(options: Partial<StripeOptions>): ValidStripeOptions {
  for (const [option, envKey, shape] of KEYS) {
    const value = options[option]
    if (!value || !shape.test(value)) {
      throw new PaymentAdapterMisconfiguredException(
        `The Stripe adapter needs a "${option}" like ${shape.source}: set ${envKey} in the ` +
          'environment (config/payments.ts)'
      )
    }
  }
  const apiUrl = httpUrl('apiUrl', 'STRIPE_API_URL', options.apiUrl || 'https://api.stripe.com')
  const jsUrl = httpUrl('jsUrl', 'STRIPE_JS_URL', options.jsUrl || 'https://js.stripe.com/v3/')
  return {
    secretKey: options.secretKey!,
    publishableKey: options.publishableKey!,
    webhookSecret: options.webhookSecret!,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    jsUrl,
    webhookTolerance: options.webhookTolerance ?? 300,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeout ?? 20_000,
  }
}

/** An http(s) URL option, or a boot error naming its environment variable. */
function httpUrl(option: string, envKey: string, value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new PaymentAdapterMisconfiguredException(
      `The Stripe adapter's "${option}" is not an http(s) URL: fix ${envKey} (got "${value}")`
    )
  }
  return value
}

/** The official SDK pointed at `apiUrl` (api.stripe.com, or a local server in tests). */
export function createStripeClient(options: ValidStripeOptions): Stripe {
  const url = new URL(options.apiUrl)
  const protocol = url.protocol === 'http:' ? 'http' : 'https'
  return new Stripe(options.secretKey, {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
    maxNetworkRetries: options.maxNetworkRetries,
    timeout: options.timeout,
    telemetry: false,
    appInfo: { name: 'Jangteo' },
  })
}

/** A Stripe API refusal the caller reports as a decline (card errors, invalid requests). */
export interface StripeDecline {
  code: string
  reason: string
  providerReference?: string
}

/**
 * Runs one SDK call. Outages (network, 5xx, rate limits) throw
 * E_PAYMENT_PROVIDER_UNAVAILABLE so the caller retries with the same key; a
 * wrong key is a misconfiguration; a 400/402 refusal comes back as a decline.
 */
export async function callStripe<T>(run: () => Promise<T>): Promise<T | StripeDecline> {
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error
    const status = error.statusCode ?? 0
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      status >= 500 ||
      status === 0
    ) {
      throw new PaymentProviderUnavailableException(
        `Stripe is unavailable (${status || 'no response'}: ${error.message}); retry later`,
        { cause: error }
      )
    }
    if (
      error instanceof Stripe.errors.StripeAuthenticationError ||
      error instanceof Stripe.errors.StripePermissionError
    ) {
      throw new PaymentAdapterMisconfiguredException(
        `Stripe refused the API key (${error.message}): check STRIPE_SECRET_KEY`,
        { cause: error }
      )
    }
    const raw = error.raw as { payment_intent?: { id?: string } } | undefined
    return {
      code: error.decline_code ?? error.code ?? error.type,
      reason: error.message,
      providerReference: raw?.payment_intent?.id,
    }
  }
}

/** Whether `callStripe` answered with a decline instead of the API object. */
export function isDecline<T>(value: T | StripeDecline): value is StripeDecline {
  return typeof value === 'object' && value !== null && 'reason' in value && 'code' in value
}

/** A decline as a PaymentResult, keeping the PaymentIntent id when Stripe named one. */
export function declined(decline: StripeDecline, fallbackReference?: string): PaymentResult {
  const providerReference = decline.providerReference ?? fallbackReference
  return {
    status: 'declined',
    code: decline.code,
    reason: decline.reason,
    ...(providerReference ? { providerReference } : {}),
  }
}

/** The card behind a PaymentIntent or SetupIntent, when `payment_method` was expanded. */
export function methodSummary(method: string | Stripe.PaymentMethod | null): MethodSummary | null {
  if (!method || typeof method === 'string' || !method.card) return null
  const { brand, last4, exp_month: month, exp_year: year } = method.card
  return { brand, last4, expiresAt: `${year}-${String(month).padStart(2, '0')}` }
}

/**
 * The card a PaymentIntent kept for one-click payments: it was created with
 * `setup_future_usage` for a Customer, and its `payment_method` is expanded.
 */
export function savedMethodOf(intent: Stripe.PaymentIntent): SavedMethod | null {
  const customer = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id
  const method = intent.payment_method
  const summary = methodSummary(method)
  if (!intent.setup_future_usage || !customer || !summary || typeof method !== 'object') return null
  return { providerMethodId: method!.id, providerCustomerId: customer, summary }
}

/**
 * The card a paid intent kept, from its webhook: events carry the method's
 * id only, so the method is read back (null when there is none to name).
 */
export async function savedMethodOfEvent(stripe: Stripe, event: Stripe.Event) {
  const paid = ['payment_intent.succeeded', 'payment_intent.amount_capturable_updated']
  if (!paid.includes(event.type)) return null
  const intent = event.data.object as Stripe.PaymentIntent
  if (!intent.setup_future_usage || !intent.customer || !intent.payment_method) return null
  const id =
    typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method.id
  const method = await callStripe(() => stripe.paymentMethods.retrieve(id))
  return isDecline(method) ? null : savedMethodOf({ ...intent, payment_method: method })
}

/**
 * Maps a PaymentIntent to our result. Stripe counts KRW and the other
 * zero-decimal currencies in whole units and the rest in cents, which is
 * exactly our integer minor units, so amounts pass through unchanged.
 */
export function paymentResult(intent: Stripe.PaymentIntent): PaymentResult {
  const providerReference = intent.id
  const currency = intent.currency.toUpperCase()
  const method = methodSummary(intent.payment_method)
  const savedMethod = savedMethodOf(intent)
  const card = { ...(method ? { method } : {}), ...(savedMethod ? { savedMethod } : {}) }
  switch (intent.status) {
    case 'succeeded':
      return {
        status: 'captured',
        providerReference,
        amount: intent.amount_received,
        currency,
        ...card,
      }
    case 'requires_capture':
      return {
        status: 'authorized',
        providerReference,
        amount: intent.amount_capturable,
        currency,
        ...card,
      }
    case 'requires_action': {
      const redirectUrl = intent.next_action?.redirect_to_url?.url
      if (redirectUrl) return { status: 'requires_action', providerReference, redirectUrl }
      return { status: 'pending', providerReference }
    }
    case 'canceled':
      return { status: 'canceled', providerReference }
    case 'requires_payment_method': {
      const error = intent.last_payment_error
      return {
        status: 'declined',
        providerReference,
        code: error ? (error.decline_code ?? error.code ?? error.type) : 'payment_incomplete',
        reason: error?.message ?? 'The shopper has not completed the payment',
      }
    }
    default:
      // processing, requires_confirmation: Stripe decides later and sends a webhook.
      return { status: 'pending', providerReference }
  }
}

/** Maps a Refund: `pending` and `requires_action` settle later, by webhook. */
export function refundResult(refund: Stripe.Refund): RefundResult {
  if (refund.status === 'succeeded') {
    const currency = refund.currency.toUpperCase()
    return { status: 'refunded', refundReference: refund.id, amount: refund.amount, currency }
  }
  if (refund.status === 'failed' || refund.status === 'canceled') {
    const code = refund.failure_reason ?? refund.status
    return { status: 'declined', code, reason: `Stripe reports the refund ${code}` }
  }
  return { status: 'pending', refundReference: refund.id }
}

/** Maps a verified Stripe event to ours; events Jangteo does not act on are `other`. */
export function verifiedEvent(event: Stripe.Event): VerifiedEvent {
  const base = { id: event.id, occurredAt: new Date(event.created * 1000) }
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.amount_capturable_updated': {
      const intent = event.data.object
      const captured = event.type === 'payment_intent.succeeded'
      return {
        ...base,
        type: captured ? 'payment.captured' : 'payment.authorized',
        providerReference: intent.id,
        ...(intent.metadata?.attempt_id ? { attemptId: intent.metadata.attempt_id } : {}),
        amount: captured ? intent.amount_received : intent.amount_capturable,
        currency: intent.currency.toUpperCase(),
      }
    }
    case 'payment_intent.canceled':
      return { ...base, type: 'payment.canceled', providerReference: event.data.object.id }
    // payment_intent.payment_failed is one declined card: the intent waits for
    // another (the payment page offers it), so it ends nothing and is `other`.
    case 'charge.refunded': {
      const charge = event.data.object
      const intent = charge.payment_intent
      return {
        ...base,
        type: 'refund.succeeded',
        providerReference: (typeof intent === 'string' ? intent : intent?.id) ?? charge.id,
        amount: charge.amount_refunded,
        currency: charge.currency.toUpperCase(),
      }
    }
    // A refund, made by us or in Stripe's dashboard, or one Stripe answered `pending` that ended.
    case 'refund.created':
    case 'refund.updated':
    case 'charge.refund.updated': {
      const refund = event.data.object
      const intent = refund.payment_intent
      const ended = {
        succeeded: 'refund.succeeded',
        failed: 'refund.failed',
        canceled: 'refund.failed',
      } as const
      const type = ended[refund.status as keyof typeof ended] ?? 'other'
      return {
        ...base,
        type,
        providerReference: (typeof intent === 'string' ? intent : intent?.id) ?? '',
        refundReference: refund.id,
        amount: refund.amount,
        currency: refund.currency.toUpperCase(),
      }
    }
    default: {
      const object = event.data.object as { id?: string }
      return { ...base, type: 'other', providerReference: object.id ?? '' }
    }
  }
}
