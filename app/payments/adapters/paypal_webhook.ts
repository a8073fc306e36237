import { InvalidWebhookSignatureException } from '#payments/errors'
import type { VerifiedEvent, WebhookInput } from '#payments/types'
import { fromPayPalValue } from '#payments/adapters/paypal_money'

/** The transmission headers PayPal signs a delivery with, as verify-webhook-signature names them. */
export interface PayPalTransmission {
  auth_algo: string
  cert_url: string
  transmission_id: string
  transmission_sig: string
  transmission_time: string
}

/** The part of a PayPal webhook event Jangteo reads. */
export interface PayPalEvent {
  id: string
  event_type: string
  create_time?: string
  resource: {
    id?: string
    status?: string
    amount?: { currency_code: string; value: string }
    supplementary_data?: { related_ids?: { order_id?: string } }
    links?: { href: string; rel: string }[]
  }
}

const invalid = (message: string) => new InvalidWebhookSignatureException(message)

/**
 * Reads the paypal-transmission-* headers and the event, refusing a delivery
 * that lacks one, is not a PayPal event, or whose transmission time is further
 * from now than `toleranceSeconds` (a replayed old delivery).
 */
export function readDelivery(
  input: WebhookInput,
  toleranceSeconds: number
): { transmission: PayPalTransmission; event: PayPalEvent } {
  const header = (name: string) => {
    const raw = input.headers[name]
    const value = Array.isArray(raw) ? raw[0] : raw
    if (!value) throw invalid(`The PayPal webhook has no ${name} header`)
    return value
  }
  const transmission: PayPalTransmission = {
    auth_algo: header('paypal-auth-algo'),
    cert_url: header('paypal-cert-url'),
    transmission_id: header('paypal-transmission-id'),
    transmission_sig: header('paypal-transmission-sig'),
    transmission_time: header('paypal-transmission-time'),
  }
  const sentAt = Date.parse(transmission.transmission_time)
  if (Number.isNaN(sentAt) || Math.abs(Date.now() - sentAt) > toleranceSeconds * 1000) {
    throw invalid(
      `The PayPal webhook was sent at ${transmission.transmission_time}, outside the ` +
        `${toleranceSeconds}s tolerance`
    )
  }
  let event: unknown
  try {
    event = JSON.parse(input.rawBody)
  } catch {
    throw invalid('The PayPal webhook body is not JSON')
  }
  if (!isPayPalEvent(event)) throw invalid('The PayPal webhook body is not a PayPal event')
  return { transmission, event }
}

function isPayPalEvent(value: unknown): value is PayPalEvent {
  if (typeof value !== 'object' || value === null) return false
  const event = value as Record<string, unknown>
  return (
    typeof event.id === 'string' &&
    typeof event.event_type === 'string' &&
    typeof event.resource === 'object' &&
    event.resource !== null
  )
}

/** The capture a refund belongs to (its `up` link), for finding the order. */
export function refundedCaptureId(event: PayPalEvent): string | null {
  const up = event.resource.links?.find((link) => link.rel === 'up')
  return up?.href.match(/\/v2\/payments\/captures\/([^/?]+)/)?.[1] ?? null
}

const TYPES: Record<string, VerifiedEvent['type']> = {
  'PAYMENT.CAPTURE.COMPLETED': 'payment.captured',
  'PAYMENT.CAPTURE.DENIED': 'payment.failed',
  'PAYMENT.CAPTURE.REFUNDED': 'refund.succeeded',
  'PAYMENT.AUTHORIZATION.CREATED': 'payment.authorized',
  'PAYMENT.AUTHORIZATION.VOIDED': 'payment.canceled',
  'CHECKOUT.ORDER.APPROVED': 'payment.approved',
}

/**
 * Maps a verified event onto the PayPal order it concerns (our provider
 * reference). CHECKOUT.ORDER.APPROVED moves no money: it is `payment.approved`,
 * so the shop captures even when the buyer never comes back to the return URL.
 */
export function verifiedEvent(event: PayPalEvent, orderId: string | null): VerifiedEvent {
  const { resource } = event
  const type = TYPES[event.event_type] ?? 'other'
  const occurredAt = new Date(event.create_time ?? Date.now())
  const providerReference =
    (event.event_type.startsWith('CHECKOUT.ORDER.') ? resource.id : orderId) ??
    resource.supplementary_data?.related_ids?.order_id ??
    resource.id ??
    ''
  const money =
    resource.amount && type !== 'other' && type !== 'payment.approved'
      ? {
          amount: fromPayPalValue(resource.amount.value, resource.amount.currency_code),
          currency: resource.amount.currency_code,
        }
      : {}
  // The refund itself (its id settles a refund PayPal first answered PENDING).
  const refund = type === 'refund.succeeded' && resource.id ? { refundReference: resource.id } : {}
  return { id: event.id, type, providerReference, occurredAt, ...money, ...refund }
}
