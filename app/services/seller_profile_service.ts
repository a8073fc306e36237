import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Seller from '#models/seller'
import SellerIdentityChange from '#models/seller_identity_change'
import type { Actor } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import { uniquely } from '#services/validation'
import type { SellerApplicationInput } from '#services/seller_service'
import {
  CONTACT_FIELDS,
  type SellerIdentity,
  assertBusinessNumberFree,
  auditedIdentity,
  changedFields,
  identityColumns,
  identityOf,
} from '#services/seller_identity'
import {
  type IdentityChangeAction,
  IdentityChangeStatus,
  identityChangeLifecycle,
} from '#lifecycles/identity_change_lifecycle'
import SellerProfileUpdated from '#events/seller_profile_updated'
import SellerIdentityChangeRequested from '#events/seller_identity_change_requested'
import SellerIdentityChangeApproved from '#events/seller_identity_change_approved'
import SellerIdentityChangeRejected from '#events/seller_identity_change_rejected'
import SellerIdentityChangeWithdrawn from '#events/seller_identity_change_withdrawn'

/**
 * What saving the store settings did to the verified details: nothing,
 * sent a change request to review (replacing a pending one), or withdrew
 * the pending request because the form restored the values in force.
 */
export type SettingsOutcome = 'saved' | 'requested' | 'withdrawn'

const DECISION_EVENTS = {
  approve: SellerIdentityChangeApproved,
  reject: SellerIdentityChangeRejected,
  withdraw: SellerIdentityChangeWithdrawn,
}

/**
 * An approved seller's store settings. Contact details and the description
 * save at once; the verified details (see SellerIdentity) become a change
 * request that an operator approves or rejects, and until then the seller
 * keeps its verified values everywhere (payouts, storefront). A seller has
 * at most one pending request: sending another replaces it.
 *
 * Locks are always taken seller first, then request, so a seller saving and
 * an operator deciding cannot deadlock.
 */
export default class SellerProfileService {
  /** Saves the contact details and turns identity changes into a pending request. */
  async update(
    seller: Seller,
    input: SellerApplicationInput,
    actor: Actor
  ): Promise<SettingsOutcome> {
    const outcome = await db.transaction(async (trx) => {
      const fresh = await this.#lockSeller(seller.id, trx)
      const before = snapshot(fresh, CONTACT_FIELDS)
      fresh.merge({
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        description: input.description ?? null,
      })
      const change = changeBetween(before, snapshot(fresh, CONTACT_FIELDS))
      if (Object.keys(change.after).length) {
        await fresh.save()
        await SellerProfileUpdated.record(trx, fresh, actor, change)
      }
      return this.#propose(trx, fresh, input, actor)
    })
    await seller.refresh()
    return outcome
  }

  /** Withdraws the seller's pending request; false when there was none (decided meanwhile). */
  async withdraw(seller: Seller, actor: Actor): Promise<boolean> {
    return db.transaction(async (trx) => {
      const fresh = await this.#lockSeller(seller.id, trx)
      const pending = await this.#lockPending(fresh.id, trx)
      if (!pending) return false
      await this.#decide(trx, fresh, pending, 'withdraw', actor)
      return true
    })
  }

  /**
   * Applies a pending request to the seller, in one transaction. The
   * business number must still be free: another seller may have registered
   * it since the request was made.
   */
  async approve(request: SellerIdentityChange, actor: Actor) {
    await uniquely(
      () =>
        db.transaction(async (trx) => {
          const seller = await this.#lockSeller(request.sellerId, trx)
          const fresh = await this.#lockRequest(request.id, trx)
          identityChangeLifecycle.next(fresh.status, 'approve')
          await assertBusinessNumberFree(fresh.businessNumber, seller.id, trx)
          const before = auditedIdentity(identityOf(seller))
          seller.merge({
            name: fresh.name,
            businessNumber: fresh.businessNumber,
            representative: fresh.representative,
            bankName: fresh.bankName,
            bankAccountHolder: fresh.bankAccountHolder,
            bankAccountNumber: fresh.bankAccountNumber,
            bankAccountLastDigits: fresh.bankAccountLastDigits,
          })
          await seller.save()
          await this.#decide(trx, seller, fresh, 'approve', actor, { before })
        }),
      'businessNumber',
      'This business registration number is already registered',
      'businessNumberTaken'
    )
    await request.refresh()
  }

  /** Rejects a pending request with a reason the seller reads; the verified details stay. */
  async reject(request: SellerIdentityChange, reason: string, actor: Actor) {
    await db.transaction(async (trx) => {
      const seller = await this.#lockSeller(request.sellerId, trx)
      const fresh = await this.#lockRequest(request.id, trx)
      fresh.rejectionReason = reason
      await this.#decide(trx, seller, fresh, 'reject', actor)
    })
    await request.refresh()
  }

  /**
   * Compares what the form asks for with the values in force and the
   * pending request: unchanged values need no request, the same request
   * twice stays one, and anything else replaces the pending request.
   */
  async #propose(
    trx: TransactionClientContract,
    seller: Seller,
    input: SellerIdentity,
    actor: Actor
  ): Promise<SettingsOutcome> {
    const current = identityOf(seller)
    const pending = await this.#lockPending(seller.id, trx)
    if (!changedFields(current, input).length) {
      if (!pending) return 'saved'
      await this.#decide(trx, seller, pending, 'withdraw', actor)
      return 'withdrawn'
    }
    if (pending && !changedFields(identityOf(pending), input).length) return 'saved'

    await assertBusinessNumberFree(input.businessNumber, seller.id, trx)
    if (pending) await this.#decide(trx, seller, pending, 'withdraw', actor)
    const request = await SellerIdentityChange.create(
      {
        ...identityColumns(input),
        sellerId: seller.id,
        status: IdentityChangeStatus.Pending,
        requestedById: actor.userId,
      },
      { client: trx }
    )
    await new SellerIdentityChangeRequested(
      seller,
      actor,
      changeBetween(auditedIdentity(current), {
        ...auditedIdentity(input),
        identityChangeId: request.id,
        identityChangeStatus: request.status,
      }),
      request
    ).record(trx)
    return 'requested'
  }

  /**
   * Moves a pending request to its decision and records it. An approval's
   * audit change shows the seller's details before and after; the others
   * show the request's status (and a rejection's reason).
   */
  async #decide(
    trx: TransactionClientContract,
    seller: Seller,
    request: SellerIdentityChange,
    action: IdentityChangeAction,
    actor: Actor,
    applied?: { before: ReturnType<typeof auditedIdentity> }
  ) {
    const statusBefore = request.status
    request.status = identityChangeLifecycle.next(request.status, action)
    if (action !== 'withdraw') {
      request.reviewedById = actor.userId
      request.reviewedAt = DateTime.now()
    }
    await request.useTransaction(trx).save()
    const details = applied
      ? { before: applied.before, after: auditedIdentity(identityOf(seller)) }
      : null
    const change = changeBetween(
      { ...details?.before, identityChangeStatus: statusBefore },
      {
        ...details?.after,
        identityChangeId: request.id,
        identityChangeStatus: request.status,
        ...(request.rejectionReason ? { rejectionReason: request.rejectionReason } : {}),
      }
    )
    await new DECISION_EVENTS[action](seller, actor, change, request).record(trx)
  }

  #lockSeller(id: number, trx: TransactionClientContract) {
    return Seller.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
  }

  #lockRequest(id: number, trx: TransactionClientContract) {
    return SellerIdentityChange.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
  }

  #lockPending(sellerId: number, trx: TransactionClientContract) {
    return SellerIdentityChange.query({ client: trx })
      .where('seller_id', sellerId)
      .where('status', IdentityChangeStatus.Pending)
      .forUpdate()
      .first()
  }
}
