import type Stripe from 'stripe'
import {
  InvalidWebhookSignatureException,
  PaymentMethodRejectedException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type {
  CancelInput,
  CaptureInput,
  ChargeSavedInput,
  ConfirmInput,
  DetachMethodInput,
  InitiateInput,
  PaymentCustomer,
  PaymentAdapter,
  PaymentAdapterFactory,
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
  type StripeOptions,
  type ValidStripeOptions,
  callStripe,
  createStripeClient,
  declined,
  isDecline,
  methodSummary,
  paymentResult,
  refundResult,
  savedMethodOfEvent,
  validateStripeOptions,
  verifiedEvent,
} from '#payments/adapters/stripe_client'

export type { StripeOptions } from '#payments/adapters/stripe_client'

const REFUND_REASONS = new Set(['duplicate', 'fraudulent', 'requested_by_customer'])
const CANCEL_REASONS = new Set(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'])

/**
 * Card payments through Stripe PaymentIntents with the official SDK. The
 * browser confirms the intent with Stripe.js (3-D Secure included); the site
 * then reads the intent back, so a forged return URL cannot mark an order paid.
 */
export class StripeAdapter implements PaymentAdapter {
  readonly code = 'stripe'
  readonly label = { ko: '신용카드 (Stripe)', en: 'Card (Stripe)' }
  readonly capabilities = {
    manualCapture: true,
    refunds: true,
    partialRefunds: true,
    savedMethods: true,
    webhooks: true,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<StripeOptions>): ValidStripeOptions {
    return validateStripeOptions(options)
  }

  readonly #options: ValidStripeOptions
  readonly #stripe: Stripe

  constructor(options: Partial<StripeOptions>) {
    this.#options = StripeAdapter.validateOptions(options)
    this.#stripe = createStripeClient(this.#options)
  }

  /** For the payment page, which loads Stripe.js with it. */
  get publishableKey(): string {
    return this.#options.publishableKey
  }

  /** Where the payment page loads Stripe.js from (a local copy in tests). */
  get jsUrl(): string {
    return this.#options.jsUrl
  }

  /**
   * A PaymentIntent the browser confirms with Stripe.js. When the shopper
   * saves the card, the intent belongs to their Customer (created on first
   * use) and is set up for later off-session charges.
   */
  async initiate(input: InitiateInput): Promise<PaymentSession> {
    const customer =
      input.customer.providerCustomerId ??
      (input.saveMethod ? await this.#createCustomer(input.customer, input.idempotencyKey) : null)
    const intent = await this.#must(() =>
      this.#stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          capture_method: input.capture,
          description: input.description,
          receipt_email: input.customer.email,
          ...(customer ? { customer } : {}),
          ...(input.saveMethod ? { setup_future_usage: 'off_session' as const } : {}),
          metadata: { attempt_id: input.attemptId, order_number: input.orderNumber },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: input.idempotencyKey }
      )
    )
    if (!intent.client_secret) {
      throw new PaymentProviderUnavailableException(`Stripe gave ${intent.id} no client secret`)
    }
    return {
      type: 'client_confirmation',
      clientSecret: intent.client_secret,
      providerReference: intent.id,
    }
  }

  /** Reads the intent back from Stripe; the return params are only a hint. */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const intent = await callStripe(() =>
      this.#stripe.paymentIntents.retrieve(input.providerReference, { expand: ['payment_method'] })
    )
    if (isDecline(intent)) return declined(intent, input.providerReference)
    if (intent.metadata.attempt_id !== input.attemptId) {
      return declined({
        code: 'attempt_mismatch',
        reason: `${intent.id} belongs to another payment attempt`,
        providerReference: intent.id,
      })
    }
    return paymentResult(intent)
  }

  async capture(input: CaptureInput): Promise<PaymentResult> {
    const intent = await callStripe(() =>
      this.#stripe.paymentIntents.capture(
        input.providerReference,
        { amount_to_capture: input.amount, expand: ['payment_method'] },
        { idempotencyKey: input.idempotencyKey }
      )
    )
    return isDecline(intent) ? declined(intent, input.providerReference) : paymentResult(intent)
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const refund = await callStripe(() =>
      this.#stripe.refunds.create(
        {
          payment_intent: input.providerReference,
          amount: input.amount,
          ...(REFUND_REASONS.has(input.reason)
            ? { reason: input.reason as Stripe.RefundCreateParams.Reason }
            : {}),
          metadata: { attempt_id: input.attemptId, reason: input.reason },
        },
        { idempotencyKey: input.idempotencyKey }
      )
    )
    if (isDecline(refund)) return { status: 'declined', code: refund.code, reason: refund.reason }
    return refundResult(refund)
  }

  async cancel(input: CancelInput): Promise<PaymentResult> {
    const intent = await callStripe(() =>
      this.#stripe.paymentIntents.cancel(
        input.providerReference,
        CANCEL_REASONS.has(input.reason)
          ? {
              cancellation_reason:
                input.reason as Stripe.PaymentIntentCancelParams.CancellationReason,
            }
          : {},
        { idempotencyKey: input.idempotencyKey }
      )
    )
    if (isDecline(intent)) {
      // Too late to cancel when the shopper already paid: report the payment, so it is given back.
      const paid = await callStripe(() =>
        this.#stripe.paymentIntents.retrieve(input.providerReference)
      )
      return !isDecline(paid) && paid.status === 'succeeded'
        ? paymentResult(paid)
        : declined(intent, input.providerReference)
    }
    if (intent.status !== 'canceled') return paymentResult(intent)
    return { status: 'canceled', providerReference: intent.id }
  }

  /**
   * Checks the `Stripe-Signature` HMAC and its timestamp, then maps the event.
   * The SDK refuses a timestamp older than the tolerance; one further ahead
   * than the tolerance is refused here (a delivery cannot come from the
   * future, and it would stay replayable for as long). A paid intent that
   * was set up for reuse also names the card it saved.
   */
  async parseWebhook(input: WebhookInput): Promise<VerifiedEvent> {
    const raw = input.headers['stripe-signature'] ?? input.headers['Stripe-Signature']
    const header = Array.isArray(raw) ? raw.join(',') : (raw ?? '')
    const tolerance = this.#options.webhookTolerance
    let event: Stripe.Event
    try {
      event = this.#stripe.webhooks.constructEvent(
        input.rawBody,
        header,
        this.#options.webhookSecret,
        tolerance
      )
    } catch (error) {
      throw new InvalidWebhookSignatureException(
        `The Stripe webhook signature does not match: ${(error as Error).message}`,
        { cause: error }
      )
    }
    const signedAt = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1])
    if (!(signedAt - Date.now() / 1000 <= tolerance)) {
      throw new InvalidWebhookSignatureException(
        `The Stripe webhook's timestamp (t=${signedAt}) is more than ${tolerance}s in the future`
      )
    }
    const verified = verifiedEvent(event)
    const savedMethod = await savedMethodOfEvent(this.#stripe, event)
    return savedMethod ? { ...verified, savedMethod } : verified
  }

  /**
   * Saves the card Stripe.js collected (`params.paymentMethod`, a `pm_…`) on the
   * shopper's Customer through a confirmed off-session SetupIntent.
   */
  async savePaymentMethod(input: SaveMethodInput): Promise<SavedMethod> {
    const paymentMethod = input.params.paymentMethod
    if (!paymentMethod) {
      throw new PaymentMethodRejectedException('missing_payment_method', 'No card was given')
    }
    const customerId =
      input.customer.providerCustomerId ??
      (await this.#createCustomer(input.customer, input.idempotencyKey))
    const setup = await callStripe(() =>
      this.#stripe.setupIntents.create(
        {
          customer: customerId,
          payment_method: paymentMethod,
          usage: 'off_session',
          confirm: true,
          expand: ['payment_method'],
        },
        { idempotencyKey: `${input.idempotencyKey}:setup` }
      )
    )
    if (isDecline(setup)) throw new PaymentMethodRejectedException(setup.code, setup.reason)
    const summary = methodSummary(setup.payment_method)
    if (setup.status !== 'succeeded' || !summary || typeof setup.payment_method === 'string') {
      throw new PaymentMethodRejectedException(
        setup.last_setup_error?.code ?? setup.status,
        setup.last_setup_error?.message ?? `Stripe could not save the card (${setup.status})`
      )
    }
    return { providerMethodId: setup.payment_method!.id, providerCustomerId: customerId, summary }
  }

  /** Charges a saved card off-session; cards that need 3-D Secure are declined. */
  async chargeSavedMethod(input: ChargeSavedInput): Promise<PaymentResult> {
    const intent = await callStripe(() =>
      this.#stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          capture_method: input.capture,
          customer: input.providerCustomerId,
          payment_method: input.providerMethodId,
          off_session: true,
          confirm: true,
          description: input.description,
          metadata: { attempt_id: input.attemptId, order_number: input.orderNumber },
          expand: ['payment_method'],
        },
        { idempotencyKey: input.idempotencyKey }
      )
    )
    return isDecline(intent) ? declined(intent) : paymentResult(intent)
  }

  /**
   * Detaches a saved card from the shopper's Customer. A card already gone
   * counts as removed; one of another Customer is refused, not detached.
   */
  async detachSavedMethod(input: DetachMethodInput): Promise<void> {
    const method = await callStripe(() =>
      this.#stripe.paymentMethods.retrieve(input.providerMethodId)
    )
    if (isDecline(method) && method.code === 'resource_missing') return
    if (isDecline(method)) throw new PaymentMethodRejectedException(method.code, method.reason)
    const owner = typeof method.customer === 'string' ? method.customer : method.customer?.id
    if (!owner) return
    if (owner !== input.providerCustomerId) {
      throw new PaymentMethodRejectedException(
        'customer_mismatch',
        `${method.id} belongs to another Stripe customer`
      )
    }
    const detached = await callStripe(() =>
      this.#stripe.paymentMethods.detach(method.id, {}, { idempotencyKey: input.idempotencyKey })
    )
    if (isDecline(detached))
      throw new PaymentMethodRejectedException(detached.code, detached.reason)
  }

  /** A Customer for a shopper who has none yet; the key makes a retry reuse it. */
  async #createCustomer(customer: PaymentCustomer, idempotencyKey: string): Promise<string> {
    const created = await this.#must(() =>
      this.#stripe.customers.create(
        { email: customer.email, name: customer.name ?? undefined },
        { idempotencyKey: `${idempotencyKey}:customer` }
      )
    )
    return created.id
  }

  /** A call whose refusal is a bug or an outage rather than a shopper's decline. */
  async #must<T>(run: () => Promise<T>): Promise<T> {
    const result = await callStripe(run)
    if (isDecline(result)) {
      throw new PaymentProviderUnavailableException(
        `Stripe refused the request (${result.code}): ${result.reason}`
      )
    }
    return result
  }
}

/** The config/payments.ts factory: options are checked now, the SDK is built on first use. */
export function stripeAdapter(options: Partial<StripeOptions>): PaymentAdapterFactory {
  const valid = StripeAdapter.validateOptions(options)
  return () => new StripeAdapter(valid)
}
