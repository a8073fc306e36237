/**
 * The payment adapter contract. It is shaped after the providers Jangteo
 * speaks to: redirect-and-return (KakaoPay ready → approve, NaverPay reserve →
 * approve, PayPal create → approve → capture, Toss confirm), client-side
 * confirmation (Stripe PaymentIntents), authorize then capture, refunds,
 * webhooks and saved methods (Stripe saved cards, Toss BrandPay billing keys).
 *
 * Money is integer minor units. Every call that moves money carries an
 * idempotency key derived from the payment attempt, so a retry after a crash
 * never charges twice. A decline is a result, not an exception; an outage
 * throws PaymentProviderUnavailableError (E_PAYMENT_PROVIDER_UNAVAILABLE).
 */

export type Localized = { ko: string; en: string }

/** What an adapter can do; the checkout and back office read it. */
export interface PaymentCapabilities {
  /** Authorize now, capture later (e.g. when the seller ships). */
  manualCapture: boolean
  refunds: boolean
  partialRefunds: boolean
  /** One-click payments with a saved method. */
  savedMethods: boolean
  /** The provider reports changes to POST /webhooks/:adapter. */
  webhooks: boolean
}

export interface PaymentCustomer {
  email: string
  name?: string | null
  /** The provider's customer id when the shopper has one (saved methods). */
  providerCustomerId?: string | null
}

/** Start a payment for one order. */
export interface InitiateInput {
  /** Our payment attempt id; unique, also the base of idempotency keys. */
  attemptId: string
  idempotencyKey: string
  orderNumber: string
  amount: number
  currency: string
  /** Shown on the provider's page, e.g. "Order JT-2611-8K3Q". */
  description: string
  customer: PaymentCustomer
  /** Where the provider sends the shopper back (success and failure). */
  returnUrl: string
  cancelUrl: string
  capture: 'automatic' | 'manual'
  /** When an unpaid order expires (bank-transfer deadline). */
  expiresAt: Date
  /**
   * The signed-in shopper asked to keep this method for one-click payments
   * (only offered when the adapter has `savedMethods`). The adapter then sets
   * the payment up for reuse and returns `savedMethod` with its result.
   */
  saveMethod?: boolean
}

/** Instructions for paying outside the site (무통장입금). */
export interface TransferInstructions {
  bankName: string
  accountNumber: string
  accountHolder: string
  amount: number
  currency: string
  /** Put this in the transfer memo so the admin can match the deposit. */
  reference: string
  dueAt: Date
}

/** What the shopper must do next after `initiate`. */
export type PaymentSession =
  | { type: 'redirect'; url: string; providerReference: string }
  | { type: 'client_confirmation'; clientSecret: string; providerReference: string }
  | { type: 'instructions'; instructions: TransferInstructions; providerReference: string }

/** The shopper came back from the provider (return URL or client confirmation). */
export interface ConfirmInput {
  attemptId: string
  idempotencyKey: string
  providerReference: string
  amount: number
  currency: string
  capture: 'automatic' | 'manual'
  /** Whatever the provider put on the return (pg_token, paymentKey, card form fields …). */
  params: Record<string, string>
  /** Same as InitiateInput.saveMethod: return the reusable method with the result. */
  saveMethod?: boolean
  customer?: PaymentCustomer
}

/** Money the provider confirmed; checked against the order by the caller. */
export interface ConfirmedAmount {
  amount: number
  currency: string
}

/**
 * The outcome of a call that may move money. `pending` means the provider
 * has not decided yet (a bank transfer not received, a webhook to come).
 */
export type PaymentResult =
  | ({ status: 'authorized' | 'captured'; providerReference: string } & ConfirmedAmount & {
        method?: MethodSummary
        /** The method kept for one-click payments, when the shopper asked to save it. */
        savedMethod?: SavedMethod
      })
  | { status: 'pending'; providerReference: string }
  | { status: 'requires_action'; providerReference: string; redirectUrl: string }
  | { status: 'declined'; code: string; reason: string; providerReference?: string }
  | { status: 'canceled'; providerReference: string }

/** How the shopper paid, for receipts and saved-method lists (never a full card number). */
export interface MethodSummary {
  brand: string
  last4?: string
  expiresAt?: string
}

export interface CaptureInput {
  attemptId: string
  idempotencyKey: string
  providerReference: string
  amount: number
  currency: string
}

export interface RefundInput {
  attemptId: string
  idempotencyKey: string
  providerReference: string
  amount: number
  currency: string
  reason: string
}

export type RefundResult =
  | { status: 'refunded'; refundReference: string; amount: number; currency: string }
  | { status: 'pending'; refundReference: string }
  | { status: 'declined'; code: string; reason: string }

export interface CancelInput {
  attemptId: string
  idempotencyKey: string
  providerReference: string
  reason: string
}

/** A webhook whose signature was checked. `id` is the provider's event id (inbox key). */
export interface VerifiedEvent {
  id: string
  type:
    /** The shopper approved at the provider; the shop confirms (captures) without waiting for the return. */
    | 'payment.approved'
    | 'payment.authorized'
    | 'payment.captured'
    | 'payment.failed'
    | 'payment.canceled'
    | 'refund.succeeded'
    | 'refund.failed'
    | 'other'
  providerReference: string
  amount?: number
  currency?: string
  occurredAt: Date
  /** The method a paid payment kept for one-click payments, when the provider names it. */
  savedMethod?: SavedMethod
  /** The provider's refund id, for refund events (settles a refund it answered `pending`). */
  refundReference?: string
  /**
   * Our attempt id when the provider echoes it (metadata, orderId): finds the
   * attempt even when its answer was lost before we stored the provider's id.
   */
  attemptId?: string
}

export interface WebhookInput {
  rawBody: string
  headers: Record<string, string | string[] | undefined>
}

export interface SaveMethodInput {
  idempotencyKey: string
  customer: PaymentCustomer
  params: Record<string, string>
}

export interface SavedMethod {
  providerMethodId: string
  providerCustomerId: string
  summary: MethodSummary
}

/** Forget a saved method at the provider (the shopper removed it from their account). */
export interface DetachMethodInput {
  idempotencyKey: string
  providerMethodId: string
  providerCustomerId: string
}

export interface ChargeSavedInput extends Omit<InitiateInput, 'returnUrl' | 'cancelUrl'> {
  providerMethodId: string
  providerCustomerId: string
}

/**
 * A payment adapter: a stable `code` (the key in config/payments.ts), what it
 * can do, and one method per step. Optional methods are absent when the
 * capability is false.
 */
export interface PaymentAdapter {
  readonly code: string
  readonly label: Localized
  readonly capabilities: PaymentCapabilities
  initiate(input: InitiateInput): Promise<PaymentSession>
  confirm(input: ConfirmInput): Promise<PaymentResult>
  capture(input: CaptureInput): Promise<PaymentResult>
  refund(input: RefundInput): Promise<RefundResult>
  cancel(input: CancelInput): Promise<PaymentResult>
  parseWebhook?(input: WebhookInput): Promise<VerifiedEvent>
  savePaymentMethod?(input: SaveMethodInput): Promise<SavedMethod>
  chargeSavedMethod?(input: ChargeSavedInput): Promise<PaymentResult>
  detachSavedMethod?(input: DetachMethodInput): Promise<void>
}

/** A factory in config/payments.ts; called once, lazily, by the manager. */
export type PaymentAdapterFactory = () => PaymentAdapter
