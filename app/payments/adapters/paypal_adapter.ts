import {
  AuthorizationStatus,
  CheckoutPaymentIntent,
  OrderStatus,
  type ApiResponse,
} from '@paypal/paypal-server-sdk'
import {
  InvalidWebhookSignatureException,
  PaymentAdapterMisconfiguredException,
  PaymentOperationUnsupportedException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type {
  CancelInput,
  CaptureInput,
  ConfirmInput,
  InitiateInput,
  PaymentAdapter,
  PaymentAdapterFactory,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
  VerifiedEvent,
  WebhookInput,
} from '#payments/types'
import {
  type PayPalOptions,
  type ValidPayPalOptions,
  PayPalClient,
  isDecline,
  validatePayPalOptions,
} from '#payments/adapters/paypal_client'
import { isPayPalCurrency, toPayPalValue } from '#payments/adapters/paypal_money'
import {
  CAPTURED,
  IN_FLIGHT_CODES,
  type PayPalOrder,
  captureResult,
  declined,
  orderRequest,
  refundResult,
  requestId,
  settledResult,
} from '#payments/adapters/paypal_results'
import { readDelivery, refundedCaptureId, verifiedEvent } from '#payments/adapters/paypal_webhook'

export type { PayPalOptions } from '#payments/adapters/paypal_client'

const PREFER = 'return=representation'

/**
 * PayPal Checkout through Orders v2 with the official server SDK: create the
 * order (intent CAPTURE, or AUTHORIZE for manual capture) → the shopper
 * approves on PayPal → capture or authorize on the return; refunds and voids
 * through Payments v2. Every call that moves money sends PayPal-Request-Id
 * (the attempt's idempotency key), so PayPal answers a retry with the first
 * result instead of moving money again. The order id is the provider reference
 * throughout; captures and authorizations are looked up on the order.
 */
export class PayPalAdapter implements PaymentAdapter {
  readonly code = 'paypal'
  readonly label = { ko: '페이팔 (PayPal)', en: 'PayPal' }
  readonly capabilities = {
    manualCapture: true,
    refunds: true,
    partialRefunds: true,
    savedMethods: false,
    webhooks: true,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<PayPalOptions>): ValidPayPalOptions {
    return validatePayPalOptions(options)
  }

  readonly #options: ValidPayPalOptions
  readonly #client: PayPalClient

  constructor(options: Partial<PayPalOptions>) {
    this.#options = PayPalAdapter.validateOptions(options)
    this.#client = new PayPalClient(this.#options)
  }

  /** Creates the order and sends the shopper to PayPal's approval page. */
  async initiate(input: InitiateInput): Promise<PaymentSession> {
    const value = this.#value(input.amount, input.currency)
    if (!URL.canParse(input.returnUrl) || !URL.canParse(input.cancelUrl)) {
      throw new PaymentAdapterMisconfiguredException(
        `PayPal needs absolute return URLs (got "${input.returnUrl}"): set APP_URL`
      )
    }
    const order = await this.#must('create an order', () =>
      this.#client.orders.createOrder({
        body: orderRequest(input, value, this.#options.brandName),
        paypalRequestId: requestId(input.idempotencyKey),
        prefer: PREFER,
      })
    )
    const approve = order.links?.find(
      (link) => link.rel === 'payer-action' || link.rel === 'approve'
    )
    if (!order.id || !approve) {
      throw new PaymentProviderUnavailableException('PayPal created an order without approval link')
    }
    return { type: 'redirect', url: approve.href, providerReference: order.id }
  }

  /**
   * The shopper is back (`token` = the order id, `PayerID`). The order is read
   * from PayPal, so a forged return cannot pay anything; an approved order is
   * captured (or authorized), a settled one is reported as it is.
   */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const id = input.providerReference
    if (input.params.token && input.params.token !== id) {
      return declined(
        { code: 'TOKEN_MISMATCH', reason: 'The return names another PayPal order' },
        id
      )
    }
    const order = await this.#order(id)
    if (isDecline(order)) return declined(order, id)
    if (order.purchaseUnits?.[0]?.customId !== input.attemptId) {
      return declined({ code: 'attempt_mismatch', reason: `${id} belongs to another attempt` }, id)
    }
    return this.#complete(order, input.idempotencyKey)
  }

  /** Captures an authorization (manual capture), or an approved order not captured yet. */
  async capture(input: CaptureInput): Promise<PaymentResult> {
    const id = input.providerReference
    const order = await this.#order(id)
    if (isDecline(order)) return declined(order, id)
    const payments = order.purchaseUnits?.[0]?.payments
    const authorization = payments?.authorizations?.at(-1)
    if (payments?.captures?.length || authorization?.status !== AuthorizationStatus.Created) {
      return this.#complete(order, input.idempotencyKey)
    }
    const captured = await this.#client.call('capture an authorization', () =>
      this.#client.payments.captureAuthorizedPayment({
        authorizationId: authorization.id!,
        paypalRequestId: requestId(input.idempotencyKey),
        prefer: PREFER,
        body: {
          amount: {
            currencyCode: input.currency,
            value: this.#value(input.amount, input.currency),
          },
          finalCapture: true,
        },
      })
    )
    if (!isDecline(captured)) return captureResult(id, captured)
    const after = await this.#order(id)
    return (!isDecline(after) && settledResult(after)) || declined(captured, id)
  }

  /** Refunds part or all of the order's capture (Payments v2 captures/{id}/refund). */
  async refund(input: RefundInput): Promise<RefundResult> {
    const order = await this.#order(input.providerReference)
    if (isDecline(order)) return { status: 'declined', code: order.code, reason: order.reason }
    const capture = order.purchaseUnits?.[0]?.payments?.captures?.find((c) =>
      CAPTURED.has(c.status ?? '')
    )
    if (!capture?.id) {
      return {
        status: 'declined',
        code: 'NOT_CAPTURED',
        reason: 'PayPal captured nothing to refund',
      }
    }
    const refund = await this.#client.call('refund a capture', () =>
      this.#client.payments.refundCapturedPayment({
        captureId: capture.id!,
        paypalRequestId: requestId(input.idempotencyKey),
        prefer: PREFER,
        body: {
          amount: {
            currencyCode: input.currency,
            value: this.#value(input.amount, input.currency),
          },
          customId: input.attemptId,
          noteToPayer: input.reason.slice(0, 255),
        },
      })
    )
    if (isDecline(refund)) return { status: 'declined', code: refund.code, reason: refund.reason }
    return refundResult(refund, input)
  }

  /**
   * Calls a payment off: an authorization is voided; an order never approved
   * or never captured takes no money (PayPal lets it expire). Captured money
   * is refunded, not cancelled.
   */
  async cancel(input: CancelInput): Promise<PaymentResult> {
    const id = input.providerReference
    const order = await this.#order(id)
    if (isDecline(order)) return declined(order, id)
    const payments = order.purchaseUnits?.[0]?.payments
    if (payments?.captures?.some((c) => CAPTURED.has(c.status ?? ''))) {
      return declined({ code: 'ORDER_ALREADY_CAPTURED', reason: 'Refund it instead' }, id)
    }
    const authorization = payments?.authorizations?.at(-1)
    if (authorization?.id && authorization.status === AuthorizationStatus.Created) {
      const voided = await this.#client.call('void an authorization', () =>
        this.#client.payments.voidPayment({
          authorizationId: authorization.id!,
          paypalRequestId: requestId(input.idempotencyKey),
          prefer: PREFER,
        })
      )
      if (isDecline(voided)) {
        const after = await this.#order(id)
        const last = isDecline(after) ? null : after.purchaseUnits?.[0]?.payments?.authorizations
        if (last?.at(-1)?.status !== AuthorizationStatus.Voided) return declined(voided, id)
      }
    }
    return { status: 'canceled', providerReference: id }
  }

  /**
   * Checks the transmission time, then has PayPal verify the signature
   * (verify-webhook-signature with PAYPAL_WEBHOOK_ID), and maps the event.
   */
  async parseWebhook(input: WebhookInput): Promise<VerifiedEvent> {
    const { transmission, event } = readDelivery(input, this.#options.webhookTolerance)
    if (!(await this.#client.verifyWebhookSignature(transmission, input.rawBody))) {
      throw new InvalidWebhookSignatureException('PayPal did not verify the webhook signature')
    }
    let orderId = event.resource.supplementary_data?.related_ids?.order_id ?? null
    const captureId = orderId ? null : refundedCaptureId(event)
    if (captureId) {
      const capture = await this.#client.call('read a capture', () =>
        this.#client.payments.getCapturedPayment({ captureId })
      )
      if (!isDecline(capture)) orderId = capture.supplementaryData?.relatedIds?.orderId ?? null
    }
    return verifiedEvent(event, orderId)
  }

  /** Captures or authorizes an approved order; reports one that is already settled. */
  async #complete(order: PayPalOrder, idempotencyKey: string): Promise<PaymentResult> {
    const id = order.id!
    const settled = settledResult(order)
    if (settled) return settled
    if (order.status !== OrderStatus.Approved) {
      return declined(
        { code: 'ORDER_NOT_APPROVED', reason: 'The shopper did not approve the payment on PayPal' },
        id
      )
    }
    const request = { id, paypalRequestId: requestId(idempotencyKey), prefer: PREFER }
    const done = await this.#client.call('complete an order', () =>
      order.intent === CheckoutPaymentIntent.Authorize
        ? this.#client.orders.authorizeOrder(request)
        : this.#client.orders.captureOrder(request)
    )
    if (!isDecline(done)) return settledResult(done) ?? { status: 'pending', providerReference: id }
    // ORDER_ALREADY_CAPTURED: a concurrent confirm got there first; the order knows.
    const after = await this.#order(id)
    const settledNow = !isDecline(after) && settledResult(after)
    if (settledNow) return settledNow
    // The same request is still running (the return URL racing the APPROVED webhook):
    // whichever finishes settles the attempt; this one must not fail it.
    if (IN_FLIGHT_CODES.has(done.code)) return { status: 'pending', providerReference: id }
    return declined(done, id)
  }

  #order(id: string) {
    return this.#client.call('read an order', () => this.#client.orders.getOrder({ id }))
  }

  /** A call whose refusal is a bug or an outage rather than a shopper's decline. */
  async #must<T>(what: string, run: () => Promise<ApiResponse<T>>): Promise<T> {
    const result = await this.#client.call(what, run)
    if (isDecline(result)) {
      throw new PaymentProviderUnavailableException(
        `PayPal refused to ${what} (${result.code}): ${result.reason}`
      )
    }
    return result
  }

  #value(amount: number, currency: string): string {
    if (!isPayPalCurrency(currency)) {
      throw new PaymentOperationUnsupportedException(this.code, `payments in ${currency}`)
    }
    try {
      return toPayPalValue(amount, currency)
    } catch (error) {
      throw new PaymentOperationUnsupportedException(this.code, (error as Error).message)
    }
  }
}

/**
 * For config/payments.ts: `paypal: paypalAdapter({ clientId: env.get('PAYPAL_CLIENT_ID'), … })`.
 * Options and the store currency are checked while the config loads.
 */
export function paypalAdapter(options: Partial<PayPalOptions>): PaymentAdapterFactory {
  const valid = PayPalAdapter.validateOptions(options)
  return () => new PayPalAdapter(valid)
}
