import { inject } from '@adonisjs/core'
import { Exception } from '@adonisjs/core/exceptions'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PaymentWebhookEvent from '#models/payment_webhook_event'
import type { Actor } from '#audit/actor'
import { PaymentManager } from '#payments/payment_manager'
import { InvalidWebhookSignatureException } from '#payments/errors'
import { business } from '#observability/metrics'
import type { PaymentResult, VerifiedEvent, WebhookInput } from '#payments/types'
import { PaymentService } from '#services/payments/payment_service'
import { ReportedRefunds } from '#services/payments/reported_refunds'
import { isUniqueViolation } from '#services/validation'
import { paymentLifecycle } from '#lifecycles/payment_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { countSignatureFailure } from '#notifiers/alerts/triggers/webhook_signatures'

/** Changes made because a provider told us so. */
const PROVIDER_ACTOR: Actor = Object.freeze({ userId: null, role: 'system' })

/** What became of one delivery. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'unknown_payment' | 'ignored'

/**
 * Receives provider webhooks: the adapter verifies the signature, the event
 * lands in the inbox (unique per provider event id), and is applied to its
 * payment by state, not by arrival: every transition is conditional, so an
 * event that arrives twice, late, or racing the shopper's return URL moves
 * money and the order once.
 */
@inject()
export class PaymentWebhooks {
  constructor(
    protected manager: PaymentManager,
    protected payments: PaymentService
  ) {}

  async receive(adapterCode: string, input: WebhookInput): Promise<WebhookOutcome> {
    const adapter = this.manager.has(adapterCode) ? this.manager.use(adapterCode) : null
    if (!adapter?.parseWebhook) {
      throw new Exception('Not found', {
        status: 404,
        code: 'E_ROUTE_NOT_FOUND',
      })
    }
    const event = await this.#verify(adapterCode, () => adapter.parseWebhook!(input))
    const inbox = await this.#record(adapterCode, event)
    if (!inbox) return 'duplicate'

    const payment = await this.#payment(adapterCode, event)
    const outcome = payment ? await this.#apply(payment, event) : 'unknown_payment'
    inbox.merge({
      paymentId: payment?.id ?? null,
      outcome,
      processedAt: DateTime.now(),
    })
    await inbox.save()
    return outcome
  }

  /** The adapter's signature check; refusals are counted for /metrics and the alerts. */
  async #verify(adapterCode: string, parse: () => Promise<VerifiedEvent>) {
    try {
      return await parse()
    } catch (error) {
      if (error instanceof InvalidWebhookSignatureException) {
        business.webhookRejections.inc({ adapter: adapterCode })
        // A burst of refusals means a rotated secret or forged deliveries: the team is told.
        await countSignatureFailure(adapterCode)
      }
      throw error
    }
  }

  /**
   * Writes the event to the inbox. Returns null for an event already applied;
   * one that was received but never applied (a crash in between) is returned
   * again to be applied now.
   */
  async #record(adapter: string, event: VerifiedEvent) {
    try {
      return await PaymentWebhookEvent.create({
        adapter,
        eventId: event.id,
        type: event.type,
        providerReference: event.providerReference,
        receivedAt: DateTime.now(),
      })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      const existing = await PaymentWebhookEvent.query()
        .where({ adapter, eventId: event.id })
        .firstOrFail()
      return existing.processedAt ? null : existing
    }
  }

  /**
   * The attempt an event is about: by the provider's reference, else by our
   * attempt id when the provider echoes it (a charge whose answer was lost).
   */
  async #payment(adapter: string, event: VerifiedEvent) {
    const known = await Payment.query()
      .where({ adapter, providerReference: event.providerReference })
      .first()
    if (known || !event.attemptId) return known
    return Payment.query().where({ adapter, attemptId: event.attemptId }).first()
  }

  async #apply(payment: Payment, event: VerifiedEvent): Promise<WebhookOutcome> {
    if (event.type === 'payment.approved') {
      // The buyer may never reach the return URL; confirming twice is answered by the provider's key.
      if (!paymentLifecycle.can(payment.status, 'capture')) return 'ignored'
      try {
        await this.payments.confirm(payment, {}, PROVIDER_ACTOR)
      } catch (error) {
        // The return URL settled it a moment before.
        if (error instanceof InvalidTransitionException) return 'ignored'
        throw error
      }
      return 'applied'
    }
    if (event.type === 'refund.succeeded' || event.type === 'refund.failed') {
      if (!event.refundReference) return 'ignored'
      const report = {
        refundReference: event.refundReference,
        succeeded: event.type === 'refund.succeeded',
        amount: event.amount,
        currency: event.currency,
      }
      const applied = await new ReportedRefunds(this.manager).apply(payment, report, PROVIDER_ACTOR)
      return applied ? 'applied' : 'ignored'
    }
    const result = resultOf(event)
    if (!result) return 'ignored'
    await this.payments.settle(payment, result, PROVIDER_ACTOR)
    return 'applied'
  }
}

/** The payment result an event reports, when it reports one. */
function resultOf(event: VerifiedEvent): PaymentResult | null {
  const reference = event.providerReference
  const money =
    event.amount !== undefined && event.currency !== undefined
      ? {
          amount: event.amount,
          currency: event.currency,
          ...(event.savedMethod ? { savedMethod: event.savedMethod } : {}),
        }
      : null
  switch (event.type) {
    case 'payment.captured':
      return money ? { status: 'captured', providerReference: reference, ...money } : null
    case 'payment.authorized':
      return money ? { status: 'authorized', providerReference: reference, ...money } : null
    case 'payment.failed':
      return {
        status: 'declined',
        code: 'provider_reported_failure',
        reason: 'The provider reported the payment as failed',
        providerReference: reference,
      }
    case 'payment.canceled':
      return { status: 'canceled', providerReference: reference }
    default:
      return null
  }
}
