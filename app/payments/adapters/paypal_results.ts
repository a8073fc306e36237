import {
  AuthorizationStatus,
  CaptureStatus,
  CheckoutPaymentIntent,
  OrderStatus,
  PaypalExperienceUserAction,
  PaypalWalletContextShippingPreference,
  RefundStatus,
  type AuthorizationWithAdditionalData,
  type CapturedPayment,
  type OrderRequest,
  type PurchaseUnit,
  type Refund,
} from '@paypal/paypal-server-sdk'
import { createHash } from 'node:crypto'
import type { InitiateInput, PaymentResult, RefundInput, RefundResult } from '#payments/types'
import type { PayPalDecline } from '#payments/adapters/paypal_client'
import { fromPayPalValue } from '#payments/adapters/paypal_money'

/**
 * Maps a payment attempt to a PayPal order, and PayPal's orders, captures,
 * authorizations and refunds back to Jangteo's results, always with the
 * amount PayPal confirmed (not the one asked for).
 */

/** PayPal-Request-Id takes 108 characters; longer idempotency keys are hashed to fit. */
export function requestId(idempotencyKey: string): string {
  if (idempotencyKey.length <= 108) return idempotencyKey
  return `sha256-${createHash('sha256').update(idempotencyKey).digest('hex')}`
}

/**
 * The Orders v2 create request: one purchase unit tagged with the attempt id
 * (custom_id, checked on the return), the buyer sent back to our return URL.
 */
export function orderRequest(input: InitiateInput, value: string, brandName: string): OrderRequest {
  return {
    intent:
      input.capture === 'manual' ? CheckoutPaymentIntent.Authorize : CheckoutPaymentIntent.Capture,
    purchaseUnits: [
      {
        referenceId: input.orderNumber,
        customId: input.attemptId,
        description: input.description.slice(0, 127),
        amount: { currencyCode: input.currency, value },
      },
    ],
    paymentSource: {
      paypal: {
        experienceContext: {
          returnUrl: input.returnUrl,
          cancelUrl: input.cancelUrl,
          userAction: PaypalExperienceUserAction.PayNow,
          shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
          ...(brandName ? { brandName } : {}),
        },
      },
    },
  }
}

/** What the adapter reads of an order (create, get, capture and authorize all answer one). */
export interface PayPalOrder {
  id?: string
  intent?: CheckoutPaymentIntent
  status?: OrderStatus
  purchaseUnits?: PurchaseUnit[]
}

/** Capture statuses after the money was taken (refunds since included). */
export const CAPTURED = new Set<string>([
  CaptureStatus.Completed,
  CaptureStatus.PartiallyRefunded,
  CaptureStatus.Refunded,
])

/** The money an order moved so far, or null while it waits for the shopper. */
export function settledResult(order: PayPalOrder): PaymentResult | null {
  const id = order.id!
  const payments = order.purchaseUnits?.[0]?.payments
  const capture = payments?.captures?.at(-1)
  if (capture) return captureResult(id, capture)
  const authorization = payments?.authorizations?.at(-1)
  if (authorization) return authorizationResult(id, authorization)
  if (order.status === OrderStatus.Voided) return { status: 'canceled', providerReference: id }
  return null
}

/** A capture as our result, with the amount PayPal captured. */
export function captureResult(orderId: string, capture: CapturedPayment): PaymentResult {
  const status = capture.status ?? CaptureStatus.Pending
  if (CAPTURED.has(status) && capture.amount) {
    return { status: 'captured', providerReference: orderId, ...money(capture.amount), method }
  }
  if (status === CaptureStatus.Pending) return { status: 'pending', providerReference: orderId }
  const code = capture.statusDetails?.reason ?? `CAPTURE_${status}`
  return declined({ code, reason: `PayPal reports the capture ${status.toLowerCase()}` }, orderId)
}

/** An authorization as our result (manual capture). */
export function authorizationResult(
  orderId: string,
  auth: AuthorizationWithAdditionalData
): PaymentResult {
  const status = auth.status ?? AuthorizationStatus.Pending
  if (status === AuthorizationStatus.Created && auth.amount) {
    return { status: 'authorized', providerReference: orderId, ...money(auth.amount), method }
  }
  if (status === AuthorizationStatus.Voided)
    return { status: 'canceled', providerReference: orderId }
  if (status === AuthorizationStatus.Denied) {
    return declined({ code: 'AUTHORIZATION_DENIED', reason: 'PayPal denied it' }, orderId)
  }
  return { status: 'pending', providerReference: orderId }
}

/** A refund as our result; PENDING settles later, by webhook. */
export function refundResult(refund: Refund, input: RefundInput): RefundResult {
  const refundReference = refund.id ?? input.idempotencyKey
  if (refund.status === RefundStatus.Completed) {
    const { amount, currency } = refund.amount
      ? money(refund.amount)
      : { amount: input.amount, currency: input.currency }
    return { status: 'refunded', refundReference, amount, currency }
  }
  if (refund.status === RefundStatus.Pending) return { status: 'pending', refundReference }
  const code = `REFUND_${refund.status ?? 'FAILED'}`
  return { status: 'declined', code, reason: `PayPal reports the refund ${code}` }
}

/** How the shopper paid: PayPal holds the method, Jangteo never sees it. */
const method = { brand: 'paypal' }

/** PayPal's Money as integer minor units. */
export function money(amount: { currencyCode: string; value: string }) {
  return {
    amount: fromPayPalValue(amount.value, amount.currencyCode),
    currency: amount.currencyCode,
  }
}

/** A PayPal refusal as a declined PaymentResult on the order. */
export function declined(decline: Omit<PayPalDecline, 'declined'>, orderId: string): PaymentResult {
  return {
    status: 'declined',
    code: decline.code,
    reason: decline.reason,
    providerReference: orderId,
  }
}

/** PayPal's answers to a capture that another request with the same id is completing. */
export const IN_FLIGHT_CODES = new Set([
  'PREVIOUS_REQUEST_IN_PROGRESS',
  'ORDER_ALREADY_CAPTURED',
  'ORDER_ALREADY_AUTHORIZED',
])
