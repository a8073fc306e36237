import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import PaymentRefund from '#models/payment_refund'
import PaymentRefundItem from '#models/payment_refund_item'
import SellerOrder from '#models/seller_order'
import type { Actor } from '#audit/actor'
import { PaymentManager } from '#payments/payment_manager'
import { RefundStatus } from '#lifecycles/refund_status'
import { paymentLifecycle } from '#lifecycles/payment_lifecycle'
import { affectedRows, transitionRow } from '#services/orders/row_transition'
import { RefundDeclinedException, RefundRefusedException } from '#services/payments/refund_errors'
import {
  AFTER_PURCHASE_CONFIRMED,
  type RefundItemRequest,
  purchaseConfirmedOverride,
  refundItems,
  refundableOf,
} from '#services/payments/refund_rules'
import { settleRefund } from '#services/payments/refund_settlement'
import { sqlTimestamp } from '#services/sql_time'
import RefundRequested from '#events/refund_requested'
import RefundIssued from '#events/refund_issued'
import RefundFailed from '#events/refund_failed'

/**
 * What an operator asks for: minor units, why, optionally which seller's
 * share and which items it gives back, and the reason to override 구매확정
 * when the money was already promised to a seller.
 */
export interface RefundRequest {
  amount: number
  reason: string
  sellerOrderId?: number | null
  items?: RefundItemRequest[]
  overrideReason?: string | null
}

/**
 * Refunds, each exactly once. A request is checked and written `pending` in
 * one transaction that locks the payment, so two operators refunding at once
 * cannot give back more than was captured; the provider is then called with
 * the row's own idempotency key, so retrying a refund whose answer was lost
 * never refunds twice. Adapters without a provider (bank transfer) answer at
 * once: there the refund records the operator's word that money went back.
 * Money 구매확정 promised to a seller needs an override (refund_rules.ts); a
 * refund that goes through settles the parcels it leaves nothing to ship
 * (refund_settlement.ts).
 */
@inject()
export class RefundService {
  constructor(readonly manager: PaymentManager) {}

  /** Checks, records and sends a refund; throws RefundRefused/RefundDeclined, or an outage. */
  async refund(payment: Payment, request: RefundRequest, actor: Actor): Promise<PaymentRefund> {
    const reason = request.reason.trim()
    const sellerOrderId = request.sellerOrderId ?? null
    const refund = await db.transaction(async (trx) => {
      const row = await this.#lock(trx, payment.id)
      const refundable = await this.#refundable(trx, row, sellerOrderId)
      this.#check(row, request.amount, reason, refundable)
      const items = await refundItems(trx, row, sellerOrderId, request.items ?? [], refundable)
      const override = await purchaseConfirmedOverride(
        trx,
        row,
        { amount: request.amount, sellerOrderId, overrideReason: request.overrideReason },
        refundable
      )
      const created = await PaymentRefund.create(
        {
          paymentId: row.id,
          sellerOrderId,
          status: RefundStatus.Pending,
          amount: request.amount,
          currency: row.currency,
          reason,
          overrideReason: override,
          idempotencyKey: `${row.attemptId}:refund:new:${randomUUID()}`,
          requestedById: actor.userId,
        },
        { client: trx }
      )
      created.idempotencyKey = `${row.attemptId}:refund:${created.id}`
      await created.save()
      await PaymentRefundItem.createMany(
        items.map((item) => ({ ...item, paymentRefundId: created.id })),
        { client: trx }
      )
      await RefundRequested.record(trx, row, actor, {
        before: {},
        after: {
          refundId: created.id,
          amount: created.amount,
          currency: created.currency,
          sellerOrderId: created.sellerOrderId,
          reason,
          ...(items.length ? { items } : {}),
          ...(override ? { override: AFTER_PURCHASE_CONFIRMED, overrideReason: override } : {}),
        },
      })
      return created
    })
    // The caller's copy may predate the provider's last answer (its reference, a hold).
    await payment.refresh()
    return this.#send(payment, refund, actor)
  }

  /**
   * Asks the provider again about a refund whose answer was lost (an outage
   * or a crash), with the same idempotency key. A refund the provider took
   * and reported pending is settled by the provider, not asked again.
   */
  async retry(refund: PaymentRefund, actor: Actor): Promise<PaymentRefund> {
    if (refund.status !== RefundStatus.Pending) {
      throw new RefundRefusedException(
        'not_pending',
        0,
        `Refund #${refund.id} is ${refund.status}, not pending; only a pending refund is retried`
      )
    }
    if (refund.providerRefundReference) {
      // The provider took it and will settle it; asking again after its key expired could refund twice.
      throw new RefundRefusedException(
        'awaiting_provider',
        0,
        `Refund #${refund.id} was accepted by the provider (${refund.providerRefundReference}) and awaits its confirmation`
      )
    }
    const payment = await Payment.findOrFail(refund.paymentId)
    return this.#send(payment, refund, actor)
  }

  /** What can still be refunded of this payment, or of one seller order's share of it. */
  async refundable(payment: Payment, sellerOrderId: number | null = null): Promise<number> {
    return db.transaction((trx) => this.#refundable(trx, payment, sellerOrderId))
  }

  async #send(payment: Payment, refund: PaymentRefund, actor: Actor): Promise<PaymentRefund> {
    // An outage (E_PAYMENT_PROVIDER_UNAVAILABLE) propagates and leaves the row pending.
    const result = await this.manager.use(payment.adapter).refund({
      attemptId: payment.attemptId,
      idempotencyKey: refund.idempotencyKey,
      providerReference: payment.providerReference ?? payment.attemptId,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
    })
    if (result.status === 'declined') {
      await this.#fail(payment, refund, result.code, result.reason, actor)
      throw new RefundDeclinedException(result.code, result.reason)
    }
    if (result.status === 'pending') {
      await PaymentRefund.query()
        .where('id', refund.id)
        .where('status', RefundStatus.Pending)
        .update({ providerRefundReference: result.refundReference })
    } else {
      await this.#succeed(payment, refund, result.refundReference, actor)
    }
    return refund.refresh()
  }

  /**
   * Finishes a pending refund with the provider's word (a webhook, see
   * reported_refunds.ts): succeeded moves the payment, failed gives the amount
   * back to what is refundable. Conditional: a second finisher changes nothing.
   */
  async finish(
    payment: Payment,
    refund: PaymentRefund,
    outcome: { succeeded: true; reference: string } | { succeeded: false; reason: string },
    actor: Actor
  ) {
    if (outcome.succeeded) return this.#succeed(payment, refund, outcome.reference, actor)
    return this.#fail(payment, refund, 'provider_reported_failure', outcome.reason, actor)
  }

  /** Marks the refund succeeded once and moves the payment; a second finisher changes nothing. */
  async #succeed(payment: Payment, refund: PaymentRefund, reference: string, actor: Actor) {
    await db.transaction(async (trx) => {
      const locked = await this.#lock(trx, payment.id)
      const before = locked.status
      const marked = await PaymentRefund.query({ client: trx })
        .where('id', refund.id)
        .where('status', RefundStatus.Pending)
        .update({
          status: RefundStatus.Succeeded,
          providerRefundReference: reference,
          refundedAt: sqlTimestamp(trx),
        })
      if (affectedRows(marked) !== 1) return
      const [row] = await trx
        .from('payment_refunds')
        .where('payment_id', payment.id)
        .where('status', RefundStatus.Succeeded)
        .sum('amount as total')
      const total = Number(row.total ?? 0)
      const action = total >= locked.capturedAmount ? 'refund' : 'refund_part'
      await transitionRow(trx, 'payments', payment.id, paymentLifecycle, action, {
        refunded_amount: total,
      })
      const moved = await Payment.findOrFail(payment.id, { client: trx })
      await RefundIssued.record(trx, moved, actor, {
        before: { status: before },
        after: {
          status: moved.status,
          refundedAmount: moved.refundedAmount,
          refundId: refund.id,
          amount: refund.amount,
          sellerOrderId: refund.sellerOrderId,
          reason: refund.reason,
          ...(refund.overrideReason
            ? { override: AFTER_PURCHASE_CONFIRMED, overrideReason: refund.overrideReason }
            : {}),
        },
      })
      await settleRefund(trx, payment.orderId, refund, actor)
    })
    await payment.refresh()
  }

  async #fail(payment: Payment, refund: PaymentRefund, code: string, reason: string, actor: Actor) {
    await db.transaction(async (trx) => {
      const failed = await PaymentRefund.query({ client: trx })
        .where('id', refund.id)
        .where('status', RefundStatus.Pending)
        .update({ status: RefundStatus.Failed, failureCode: code, failureReason: reason })
      if (affectedRows(failed) !== 1) return
      await RefundFailed.record(trx, payment, actor, {
        before: { refundStatus: RefundStatus.Pending },
        after: {
          refundStatus: RefundStatus.Failed,
          refundId: refund.id,
          failureCode: code,
          reason,
        },
      })
    })
  }

  /** The payment row, locked until the transaction ends (SQLite runs one writer at a time). */
  #lock(trx: TransactionClientContract, id: number) {
    return Payment.query({ client: trx })
      .where('id', id)
      .if(trx.dialect.name === 'postgres', (query) => query.forUpdate())
      .firstOrFail()
  }

  async #refundable(
    trx: TransactionClientContract,
    payment: Payment,
    sellerOrderId: number | null
  ) {
    let sellerOrder: SellerOrder | null = null
    if (sellerOrderId !== null) {
      sellerOrder = await SellerOrder.query({ client: trx }).where('id', sellerOrderId).first()
      if (!sellerOrder || sellerOrder.orderId !== payment.orderId) {
        throw new RefundRefusedException(
          'foreign_seller_order',
          0,
          `Seller order #${sellerOrderId} is not part of this payment's order`
        )
      }
    }
    const refunds = await PaymentRefund.query({ client: trx })
      .where('paymentId', payment.id)
      .if(sellerOrderId !== null, (query) => query.orWhere('sellerOrderId', sellerOrderId!))
    return refundableOf(payment, refunds, sellerOrder ?? undefined)
  }

  /** Refuses, before anything is written, what cannot be refunded as asked. */
  #check(payment: Payment, amount: number, reason: string, refundable: number) {
    const refuse = (
      refusal: ConstructorParameters<typeof RefundRefusedException>[0],
      why: string
    ) => {
      throw new RefundRefusedException(
        refusal,
        refundable,
        `${why}; ${refundable} ${payment.currency} is refundable`
      )
    }
    const adapter = this.manager.use(payment.adapter)
    if (!adapter.capabilities.refunds) refuse('unsupported', `${payment.adapter} cannot refund`)
    if (!paymentLifecycle.can(payment.status, 'refund')) {
      refuse('not_refundable', `Nothing of this ${payment.status} payment can be refunded`)
    }
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      refuse('invalid_amount', `Cannot refund ${amount}: the amount must be positive minor units`)
    }
    if (amount > refundable) refuse('too_large', `Cannot refund ${amount} ${payment.currency}`)
    if (!adapter.capabilities.partialRefunds && amount !== payment.capturedAmount) {
      refuse('partial_unsupported', `${payment.adapter} only refunds the whole payment`)
    }
    if (!reason || reason.length > 500) {
      refuse('invalid_reason', 'A refund needs a reason of at most 500 characters')
    }
  }
}
