import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Order from '#models/order'
import Payment from '#models/payment'
import type { Actor } from '#audit/actor'
import { inject } from '@adonisjs/core'
import config from '@adonisjs/core/services/config'
import { PaymentManager } from '#payments/payment_manager'
import { SavedMethods } from '#services/payments/saved_methods'
import { RefundService } from '#services/payments/refund_service'
import { RefundRefusedException } from '#services/payments/refund_errors'
import {
  attemptInput,
  cancelAtProvider,
  confirmInputFor,
  customerFor,
} from '#services/payments/payment_inputs'
import { CLOSED_STATUSES, acceptHeld, holdForReview } from '#services/payments/payment_review'
import type { ConfirmInput, PaymentResult, PaymentSession } from '#payments/types'
import { PaymentProviderUnavailableException } from '#payments/errors'
import { PaymentStatus, paymentLifecycle } from '#lifecycles/payment_lifecycle'
import { orderLifecycle } from '#lifecycles/order_lifecycle'
import type { PaymentAction } from '#lifecycles/payment_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { applyPaymentAction } from '#services/payments/payment_transitions'
import { markOrderPaid } from '#services/orders/order_paid'
import PaymentInitiated from '#events/payment_initiated'
import { SYSTEM_REFUND_REASONS } from '#services/payments/refund_reasons'

/** Where the provider sends the shopper back, built per attempt. */
export interface PaymentUrls {
  returnUrl: (payment: Payment) => string
  cancelUrl: (order: Order) => string
}

/**
 * Drives payment attempts through their adapter and state machine. One
 * service call reaches the adapter; every result is applied with a
 * conditional transition, so a result that arrives twice (a double submit,
 * a webhook racing the return URL) moves money and the order once.
 */
@inject()
export class PaymentService {
  readonly urls: PaymentUrls

  constructor(
    readonly manager: PaymentManager,
    readonly savedMethods: SavedMethods
  ) {
    const appUrl = config.get<string>('app.appUrl', '')
    this.urls = {
      returnUrl: (payment) => `${appUrl}/payments/${payment.attemptId}/return`,
      cancelUrl: (order) => `${appUrl}/orders/${order.number}`,
    }
  }

  /** Records a new attempt inside the checkout transaction. */
  async createAttempt(trx: TransactionClientContract, order: Order, adapter: string) {
    return Payment.create(
      {
        attemptId: randomUUID(),
        orderId: order.id,
        adapter,
        status: PaymentStatus.Pending,
        currency: order.currency,
        amount: order.grandTotal,
        capturedAmount: 0,
        refundedAmount: 0,
      },
      { client: trx }
    )
  }

  /**
   * Asks the adapter how the shopper pays (after the order is committed: a
   * provider call never runs inside a database transaction). An outage fails
   * the attempt with a readable reason; the order keeps waiting for payment
   * and the shopper can try again.
   */
  async initiate(payment: Payment, order: Order, actor: Actor): Promise<Payment> {
    const adapter = this.manager.use(payment.adapter)
    let session: PaymentSession
    try {
      session = await adapter.initiate({
        ...attemptInput(payment, order),
        idempotencyKey: `${payment.attemptId}:initiate`,
        customer: await customerFor(payment, order, this.savedMethods),
        returnUrl: this.urls.returnUrl(payment),
        cancelUrl: this.urls.cancelUrl(order),
        saveMethod: payment.saveMethod,
      })
    } catch (error) {
      if (!(error instanceof PaymentProviderUnavailableException)) throw error
      await this.#apply(payment, 'fail', actor, {
        failure_code: 'provider_unavailable',
        failure_reason: error.message,
      })
      return payment.refresh()
    }
    await db.transaction(async (trx) => {
      payment.useTransaction(trx).merge({
        nextAction: session,
        providerReference: session.providerReference,
      })
      await payment.save()
      await PaymentInitiated.record(trx, payment, actor, {
        before: {},
        after: { adapter: payment.adapter, amount: payment.amount, currency: payment.currency },
      })
    })
    return payment
  }

  /**
   * Pay again: a new attempt for an unpaid order whose last attempt failed or
   * was called off. Refused (409) while the order cannot be paid or another
   * attempt is still open, so the shopper is never asked to pay twice.
   */
  async retryPayment(order: Order, adapter: string, actor: Actor): Promise<Payment> {
    orderLifecycle.next(order.status, 'pay')
    const payment = await db.transaction(async (trx) => {
      // The order row is locked (PostgreSQL; SQLite runs one writer at a
      // time), so two "pay again" clicks cannot both open an attempt.
      await Order.query({ client: trx })
        .where('id', order.id)
        .if(trx.dialect.name === 'postgres', (query) => query.forUpdate())
        .firstOrFail()
      const open = await Payment.query({ client: trx })
        .where('orderId', order.id)
        .whereIn('status', [...paymentLifecycle.sources('capture'), PaymentStatus.Review])
        .first()
      if (open) throw new InvalidTransitionException('A payment for this order is still open')
      await trx.from('orders').where('id', order.id).update({ payment_method: adapter })
      return this.createAttempt(trx, order, adapter)
    })
    order.paymentMethod = adapter
    return this.initiate(payment, order, actor)
  }

  /** The shopper came back from the provider (or submitted the sandbox card form). */
  async confirm(payment: Payment, params: Record<string, string>, actor: Actor) {
    const adapter = this.manager.use(payment.adapter)
    if (this.awaitsSavedMethod(payment)) {
      // A webhook settled it first; the shopper's return still brings the method to keep.
      const result = await adapter.confirm(await this.confirmInput(payment, params))
      if ('savedMethod' in result && result.savedMethod) {
        await this.savedMethods.remember(payment, result.savedMethod)
      }
      return payment.refresh()
    }
    this.#assertOpen(payment)
    const result = await adapter.confirm(await this.confirmInput(payment, params))
    return this.settle(payment, result, actor)
  }

  /** A paid attempt whose shopper asked to save the method, not saved yet. */
  awaitsSavedMethod(payment: Payment): boolean {
    const paid = payment.status === PaymentStatus.Captured
    return paid && payment.saveMethod && payment.savedPaymentMethodId === null
  }

  /** What confirm sends the adapter (payment_inputs.ts); the same attempt always gives the same key. */
  confirmInput(payment: Payment, params: Record<string, string>): Promise<ConfirmInput> {
    return confirmInputFor(payment, params, this.savedMethods)
  }

  /** An admin saw the money arrive (bank transfer) or captures an authorization. */
  async capture(payment: Payment, actor: Actor) {
    this.#assertOpen(payment)
    const result = await this.manager.use(payment.adapter).capture({
      attemptId: payment.attemptId,
      idempotencyKey: `${payment.attemptId}:capture`,
      providerReference: payment.providerReference ?? payment.attemptId,
      amount: payment.amount,
      currency: payment.currency,
    })
    return this.settle(payment, result, actor)
  }

  /**
   * Applies an adapter's answer. Captured money must match the attempt's
   * amount and currency; when it does, the order is marked paid. Money that
   * arrives for an order that can no longer be paid (it expired meanwhile)
   * is refunded at once.
   */
  async settle(payment: Payment, result: PaymentResult, actor: Actor): Promise<Payment> {
    if (result.status === 'authorized' || result.status === 'captured') {
      if (result.amount !== payment.amount || result.currency !== payment.currency) {
        return holdForReview(this.manager, payment, result, actor)
      }
      const columns = {
        provider_reference: result.providerReference,
        method_summary: result.method ? JSON.stringify(result.method) : null,
      }
      if (result.savedMethod && payment.saveMethod) {
        await this.savedMethods.remember(payment, result.savedMethod)
      }
      if (result.status === 'authorized') {
        await this.#apply(payment, 'authorize', actor, columns)
        return payment.refresh()
      }
      const captured = await this.#apply(payment, 'capture', actor, {
        ...columns,
        captured_amount: result.amount,
      })
      await payment.refresh()
      if (!captured && CLOSED_STATUSES.includes(payment.status)) {
        return holdForReview(this.manager, payment, result, actor)
      }
      if (captured) {
        await this.#payOrder(payment, actor)
      } else if (payment.status === PaymentStatus.Captured) {
        // Captured before, but the process may have died before the order was marked paid.
        await markOrderPaid(payment.orderId, actor)
      }
      return payment.refresh()
    }
    if (result.status === 'declined') {
      const failed = await this.#apply(payment, 'fail', actor, {
        failure_code: result.code,
        failure_reason: result.reason,
      })
      // Close the provider's side too, so a payment page left open cannot pay this attempt later.
      if (failed) await cancelAtProvider(this.manager, payment, result.reason)
    } else if (result.status === 'canceled') {
      await this.#apply(payment, 'cancel', actor)
    } else if (result.status === 'requires_action') {
      payment.nextAction = {
        type: 'redirect',
        url: result.redirectUrl,
        providerReference: result.providerReference,
      }
      await payment.save()
    }
    return payment.refresh()
  }

  /** An admin accepts a payment held for review (payment_review.ts): captured, and the order paid. */
  acceptReview(payment: Payment, actor: Actor): Promise<Payment> {
    return acceptHeld(this, payment, actor)
  }

  /**
   * Gives captured money back (in part or in full) through RefundService,
   * which records each refund before calling the provider so it happens once.
   */
  async refund(payment: Payment, amount: number, reason: string, actor: Actor) {
    await new RefundService(this.manager).refund(payment, { amount, reason }, actor)
    return payment.refresh()
  }

  /**
   * Marks the order paid for a capture; money that arrives for an order that
   * can no longer be paid (it expired meanwhile) is refunded at once.
   */
  async #payOrder(payment: Payment, actor: Actor) {
    if (await markOrderPaid(payment.orderId, actor)) return
    const order = await Order.findOrFail(payment.orderId)
    if (order.paidAt) return
    try {
      await this.refund(payment, payment.capturedAmount, SYSTEM_REFUND_REASONS.order_expired, actor)
    } catch (error) {
      // Calling the order off refunded it a moment before.
      if (!(error instanceof RefundRefusedException)) throw error
    }
  }

  /** Calls off attempts that have not moved money, e.g. when their order expires. */
  async cancelOpen(order: Order, reason: string, actor: Actor) {
    const open = await Payment.query()
      .where('orderId', order.id)
      .whereIn('status', [...paymentLifecycle.sources('cancel')])
    for (const payment of open) {
      const answer = await this.manager.use(payment.adapter).cancel({
        attemptId: payment.attemptId,
        idempotencyKey: `${payment.attemptId}:cancel`,
        providerReference: payment.providerReference ?? payment.attemptId,
        reason,
      })
      // Too late to call off: the provider took the money, which settle then gives back.
      if (answer.status === 'captured') await this.settle(payment, answer, actor)
      else await this.#apply(payment, 'cancel', actor)
    }
  }

  /** Whether the shopper may still act on this attempt. */
  #assertOpen(payment: Payment) {
    if (!paymentLifecycle.can(payment.status, 'capture')) {
      paymentLifecycle.next(payment.status, 'capture')
    }
  }

  /** Conditional transition plus its typed event; false when someone else already moved it. */
  #apply(payment: Payment, action: PaymentAction, actor: Actor, columns?: Record<string, unknown>) {
    return applyPaymentAction(payment, action, actor, columns)
  }
}
