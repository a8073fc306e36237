import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import { Exception } from '@adonisjs/core/exceptions'
import db from '@adonisjs/lucid/services/db'
import Order from '#models/order'
import type Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import type User from '#models/user'
import type { Actor } from '#audit/actor'
import { PaymentManager } from '#payments/payment_manager'
import { PaymentProviderUnavailableException } from '#payments/errors'
import type { PaymentAdapter, PaymentResult, SavedMethod } from '#payments/types'
import { paymentLifecycle } from '#lifecycles/payment_lifecycle'
import { isUniqueViolation } from '#services/validation'
import { attemptInput } from '#services/payments/payment_inputs'
import PaymentMethodSaved from '#events/payment_method_saved'
import PaymentMethodRemoved from '#events/payment_method_removed'
// Type only: PaymentService calls this service, so importing it at runtime would be a cycle.
import type { PaymentService } from '#services/payments/payment_service'

/** A saved method with what its adapter can do now (it may have been turned off since). */
export interface UsableSavedMethod {
  method: SavedPaymentMethod
  adapter: PaymentAdapter
}

/**
 * The payment methods customers keep for one-click payments: stored when a
 * payment that asked to save its method succeeds, listed and removed on the
 * account page, and charged at checkout without a provider page. Only ids and
 * what to show (brand, last four, expiry) are kept, never card data.
 */
@inject()
export class SavedMethods {
  constructor(readonly manager: PaymentManager) {}

  /**
   * Keeps the method a payment saved for the order's customer (guests keep
   * nothing) and links the payment to it. Saving the same method twice, even
   * at the same moment, leaves one row: the unique key decides.
   */
  async remember(payment: Payment, saved: SavedMethod): Promise<SavedPaymentMethod | null> {
    const order = await Order.find(payment.orderId)
    if (!order?.userId) return null
    const key = {
      userId: order.userId,
      adapter: payment.adapter,
      providerMethodId: saved.providerMethodId,
    }
    const values = {
      providerCustomerId: saved.providerCustomerId,
      brand: saved.summary.brand,
      lastFour: saved.summary.last4 ?? null,
      expiresAt: saved.summary.expiresAt ?? null,
      lastUsedAt: DateTime.now(),
    }
    let method = await SavedPaymentMethod.query().where(key).first()
    if (!method) {
      try {
        method = await db.transaction(async (trx) => {
          const created = await SavedPaymentMethod.create({ ...key, ...values }, { client: trx })
          await PaymentMethodSaved.record(
            trx,
            created,
            { userId: order.userId, role: 'customer' },
            { before: {}, after: summaryOf(created) }
          )
          return created
        })
      } catch (error) {
        // Another request inserted it between our look-up and insert.
        if (!isUniqueViolation(error)) throw error
        method = await SavedPaymentMethod.query().where(key).firstOrFail()
      }
    }
    await method.merge(values).save()
    await db.from('payments').where('id', payment.id).update({ saved_payment_method_id: method.id })
    payment.savedPaymentMethodId = method.id
    return method
  }

  /** The provider's customer id the user already has at this adapter, so it is reused. */
  async customerIdFor(userId: number, adapter: string): Promise<string | null> {
    const method = await SavedPaymentMethod.query().where({ userId, adapter }).orderBy('id').first()
    return method?.providerCustomerId ?? null
  }

  /** The user's saved methods, most recently used first. */
  list(user: User): Promise<SavedPaymentMethod[]> {
    return SavedPaymentMethod.query()
      .where('userId', user.id)
      .orderByRaw('coalesce(last_used_at, created_at) desc')
      .orderBy('id', 'desc')
  }

  /** The user's saved methods that can pay now: their adapter is enabled and charges saved methods. */
  async usable(user: User): Promise<UsableSavedMethod[]> {
    const usable: UsableSavedMethod[] = []
    for (const method of await this.list(user)) {
      const adapter = this.#adapterOf(method)
      if (adapter) usable.push({ method, adapter })
    }
    return usable
  }

  /** One of the user's saved methods; anyone else's, or one that is gone, is a 404. */
  async find(user: User, id: number): Promise<SavedPaymentMethod> {
    const method = await SavedPaymentMethod.query().where({ id, userId: user.id }).first()
    if (!method) {
      throw new Exception('Saved payment method not found', {
        status: 404,
        code: 'E_ROW_NOT_FOUND',
      })
    }
    return method
  }

  /**
   * Forgets a saved method: at the provider first when the adapter can, so a
   * removed card cannot be charged again. An outage throws before anything is
   * deleted; the customer tries again later.
   */
  async remove(user: User, id: number, actor: Actor): Promise<void> {
    const method = await this.find(user, id)
    const adapter = this.manager.has(method.adapter) ? this.manager.use(method.adapter) : null
    if (adapter?.detachSavedMethod) {
      await adapter.detachSavedMethod({
        idempotencyKey: `saved_method:${method.id}:detach`,
        providerMethodId: method.providerMethodId,
        providerCustomerId: method.providerCustomerId,
      })
    }
    await db.transaction(async (trx) => {
      await method.useTransaction(trx).delete()
      await PaymentMethodRemoved.record(trx, method, actor, {
        before: summaryOf(method),
        after: {},
      })
    })
  }

  /**
   * One-click: charges a saved method for a just-placed order, then applies
   * the result like any other (paid, or failed with the reason so the shopper
   * can pay again). The idempotency key makes a retried call charge once.
   */
  async payWith(
    payments: PaymentService,
    { payment, order, method }: { payment: Payment; order: Order; method: SavedPaymentMethod },
    actor: Actor
  ): Promise<Payment> {
    paymentLifecycle.next(payment.status, 'capture')
    const adapter = this.#adapterOf(method)
    if (!adapter?.chargeSavedMethod || method.adapter !== payment.adapter) {
      return payments.settle(payment, this.#unusable(), actor)
    }
    await db.from('payments').where('id', payment.id).update({ saved_payment_method_id: method.id })
    let result: PaymentResult
    try {
      result = await adapter.chargeSavedMethod({
        ...attemptInput(payment, order),
        idempotencyKey: `${payment.attemptId}:charge_saved`,
        customer: {
          email: order.email,
          name: order.shippingAddress.name,
          providerCustomerId: method.providerCustomerId,
        },
        providerMethodId: method.providerMethodId,
        providerCustomerId: method.providerCustomerId,
      })
    } catch (error) {
      if (!(error instanceof PaymentProviderUnavailableException)) throw error
      result = { status: 'declined', code: 'provider_unavailable', reason: error.message }
    }
    const settled = await payments.settle(payment, result, actor)
    if (result.status === 'captured' || result.status === 'authorized') {
      await method.merge({ lastUsedAt: DateTime.now() }).save()
    }
    return settled
  }

  /** The adapter that can charge this saved method now, or null. */
  #adapterOf(method: SavedPaymentMethod): PaymentAdapter | null {
    if (!this.manager.has(method.adapter)) return null
    const adapter = this.manager.use(method.adapter)
    return adapter.capabilities.savedMethods && adapter.chargeSavedMethod ? adapter : null
  }

  #unusable(): PaymentResult {
    return {
      status: 'declined',
      code: 'invalid_payment_method',
      reason: 'The saved payment method cannot be used any more',
    }
  }
}

/** What the audit log keeps of a saved method: never more than the card summary. */
function summaryOf(method: SavedPaymentMethod) {
  return { adapter: method.adapter, brand: method.brand, lastFour: method.lastFour }
}
