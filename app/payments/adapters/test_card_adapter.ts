import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  PaymentAdapterMisconfiguredException,
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
  PaymentAdapter,
  PaymentCustomer,
  PaymentResult,
  PaymentSession,
  RefundInput,
  RefundResult,
  SavedMethod,
  SaveMethodInput,
} from '#payments/types'
import {
  type CardBehaviour,
  type DeclineCode,
  type TestCard,
  DECLINE_REASONS,
  TEST_CARDS,
  hasExpired,
  readCard,
} from '#payments/adapters/test_cards'

export interface TestCardOptions {
  /** Signs saved-method tokens and derives references; set TEST_CARD_SECRET. */
  secret: string
  /** The hosted sandbox form; the shopper is sent to `${checkoutPath}/${attemptId}`. */
  checkoutPath?: string
}

const BEHAVIOURS = new Set<string>(['approve', ...Object.values(TEST_CARDS)])

/**
 * A sandbox card processor for demos and tests. The card number decides the
 * outcome (4242 4242 4242 4242 approves, 4000 0000 0000 0002 declines …) and
 * every answer is derived from the input and `secret`, so the same call gives
 * the same references with no state. The number itself is never returned.
 */
export class TestCardAdapter implements PaymentAdapter {
  readonly code = 'test_card'
  readonly label = { ko: '테스트 카드', en: 'Test card' }
  readonly capabilities = {
    manualCapture: true,
    refunds: true,
    partialRefunds: true,
    savedMethods: true,
    webhooks: false,
  }

  /** Fails at boot with the environment variable to set, not at checkout. */
  static validateOptions(options: Partial<TestCardOptions>): Required<TestCardOptions> {
    if (!options.secret || options.secret.length < 16) {
      throw new PaymentAdapterMisconfiguredException(
        'The test card adapter needs a "secret" of 16 characters or more: set TEST_CARD_SECRET ' +
          'in the environment (config/payments.ts)'
      )
    }
    const checkoutPath = (options.checkoutPath ?? '/payments/test-card').replace(/\/+$/, '')
    return { secret: options.secret, checkoutPath }
  }

  readonly #options: Required<TestCardOptions>

  constructor(options: Partial<TestCardOptions>) {
    this.#options = TestCardAdapter.validateOptions(options)
  }

  async initiate(input: InitiateInput): Promise<PaymentSession> {
    return {
      type: 'redirect',
      url: `${this.#options.checkoutPath}/${encodeURIComponent(input.attemptId)}`,
      providerReference: `tc_${input.attemptId}`,
    }
  }

  /**
   * The sandbox form posted the card fields; charge or authorize them. When
   * the shopper asked to save the card, a paid result carries its token.
   */
  async confirm(input: ConfirmInput): Promise<PaymentResult> {
    const read = readCard(input.params, new Date())
    if ('decline' in read) return this.#declined(read.decline, input.providerReference)
    const result = this.#charge(read.card, input)
    if (!input.saveMethod || !input.customer) return result
    if (result.status !== 'captured' && result.status !== 'authorized') return result
    return { ...result, savedMethod: this.#savedMethod(read, input.customer) }
  }

  async capture(input: CaptureInput): Promise<PaymentResult> {
    return {
      status: 'captured',
      providerReference: input.providerReference,
      amount: input.amount,
      currency: input.currency,
    }
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    return {
      status: 'refunded',
      refundReference: `tcr_${this.#digest(`refund:${input.providerReference}:${input.idempotencyKey}`)}`,
      amount: input.amount,
      currency: input.currency,
    }
  }

  async cancel(input: CancelInput): Promise<PaymentResult> {
    return { status: 'canceled', providerReference: input.providerReference }
  }

  /**
   * Saves a card for one-click payments. The token carries the card's test
   * behaviour (never its number) signed for this customer, so charging it
   * later needs no storage and a token cannot be moved to another customer.
   */
  async savePaymentMethod(input: SaveMethodInput): Promise<SavedMethod> {
    const read = readCard(input.params, new Date())
    if ('decline' in read) {
      throw new PaymentMethodRejectedException(read.decline, DECLINE_REASONS[read.decline])
    }
    return this.#savedMethod(read, input.customer)
  }

  /** Charges a saved card: the outcome follows the test card it was saved from. */
  async chargeSavedMethod(input: ChargeSavedInput): Promise<PaymentResult> {
    const providerReference = `tc_${input.attemptId}`
    const card = this.#openToken(input.providerMethodId, input.providerCustomerId)
    if (!card) return this.#declined('invalid_payment_method', providerReference)
    if (hasExpired(card, new Date())) return this.#declined('expired_card', providerReference)
    return this.#charge(card, { ...input, providerReference })
  }

  /**
   * Forgets a saved card. Tokens are stateless, so there is nothing to delete;
   * a card saved from the outage number fails like the processor is down.
   */
  async detachSavedMethod(input: DetachMethodInput): Promise<void> {
    const card = this.#openToken(input.providerMethodId, input.providerCustomerId)
    if (card?.behaviour === 'outage') {
      throw new PaymentProviderUnavailableException(
        'The test card processor is unavailable (a simulated outage); retry later'
      )
    }
  }

  #charge(
    card: TestCard,
    input: Pick<ConfirmInput, 'providerReference' | 'amount' | 'currency' | 'capture'>
  ): PaymentResult {
    if (card.behaviour === 'outage') {
      throw new PaymentProviderUnavailableException(
        'The test card processor is unavailable (a simulated outage); retry later'
      )
    }
    if (card.behaviour !== 'approve') {
      return this.#declined(card.behaviour, input.providerReference)
    }
    return {
      status: input.capture === 'manual' ? 'authorized' : 'captured',
      providerReference: input.providerReference,
      amount: input.amount,
      currency: input.currency,
      method: { brand: card.brand, last4: card.last4, expiresAt: card.expiresAt },
    }
  }

  /** The token of a card for a customer (the same card and customer give the same token). */
  #savedMethod(read: { card: TestCard; number: string }, customer: PaymentCustomer): SavedMethod {
    const providerCustomerId =
      customer.providerCustomerId ??
      `tccus_${this.#digest(`customer:${customer.email.toLowerCase()}`)}`
    const { behaviour, brand, last4, expiresAt } = read.card
    const fingerprint = this.#digest(`card:${read.number}`)
    const payload = Buffer.from(
      JSON.stringify([behaviour, brand, last4, expiresAt, fingerprint])
    ).toString('base64url')
    return {
      providerMethodId: `tcpm_${payload}.${this.#sign(providerCustomerId, payload)}`,
      providerCustomerId,
      summary: { brand, last4, expiresAt },
    }
  }

  #declined(code: DeclineCode, providerReference: string): PaymentResult {
    return { status: 'declined', code, reason: DECLINE_REASONS[code], providerReference }
  }

  /** The card a token was made from, or null when it is forged or another customer's. */
  #openToken(token: string, providerCustomerId: string): TestCard | null {
    const [payload, signature] = token.replace(/^tcpm_/, '').split('.')
    if (!payload || !signature) return null
    const expected = Buffer.from(this.#sign(providerCustomerId, payload))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    const [behaviour, brand, last4, expiresAt] = JSON.parse(
      Buffer.from(payload, 'base64url').toString()
    ) as string[]
    if (!BEHAVIOURS.has(behaviour)) return null
    return { behaviour: behaviour as CardBehaviour, brand, last4, expiresAt }
  }

  #sign(providerCustomerId: string, payload: string): string {
    return this.#digest(`method:${providerCustomerId}:${payload}`)
  }

  #digest(data: string): string {
    return createHmac('sha256', this.#options.secret).update(data).digest('base64url').slice(0, 24)
  }
}
