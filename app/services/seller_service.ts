import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Seller from '#models/seller'
import SellerMember from '#models/seller_member'
import type User from '#models/user'
import { SellerMemberRole } from '#models/user_role'
import type { Actor } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import { uniqueSlug } from '#services/slug'
import { uniquely } from '#services/validation'
import { assertBusinessNumberFree, identityColumns } from '#services/seller_identity'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { SellerStatus, sellerLifecycle } from '#lifecycles/seller_lifecycle'
import SellerApplied from '#events/seller_applied'
import SellerApproved from '#events/seller_approved'
import SellerRejected from '#events/seller_rejected'

export interface SellerApplicationInput {
  name: string
  businessNumber: string
  representative: string
  contactEmail: string
  contactPhone: string
  description?: string
  bankName: string
  bankAccountHolder: string
  bankAccountNumber: string
}

/** Application fields shown in audit diffs; the account number only by its last four digits. */
const AUDITED_FIELDS = [
  'name',
  'businessNumber',
  'representative',
  'contactEmail',
  'contactPhone',
  'description',
  'bankName',
  'bankAccountHolder',
  'bankAccountLastDigits',
  'status',
  'rejectionReason',
] as const

/**
 * Seller applications (입점 신청) and their review by operators. Once
 * approved, a seller changes its details through SellerProfileService.
 */
export default class SellerService {
  /**
   * Files an application for the user, who becomes the seller's owner. A
   * rejected applicant re-applies with corrected details; anyone else who
   * already belongs to a seller gets a 409.
   */
  async apply(user: User, input: SellerApplicationInput, actor: Actor): Promise<Seller> {
    const membership = await SellerMember.query()
      .where('user_id', user.id)
      .preload('seller')
      .first()
    const existing = membership?.seller ?? null
    if (existing && !sellerLifecycle.can(existing.status, 'reapply')) {
      throw new InvalidTransitionException(
        'You already belong to a seller; one account can run one shop'
      )
    }
    await assertBusinessNumberFree(input.businessNumber, existing?.id)

    return uniquely(
      () => this.#fileApplication(user, input, existing, actor),
      'businessNumber',
      'This business registration number is already registered',
      'businessNumberTaken'
    )
  }

  async #fileApplication(
    user: User,
    input: SellerApplicationInput,
    existing: Seller | null,
    actor: Actor
  ) {
    return db.transaction(async (trx) => {
      if (existing) {
        const fresh = await this.#lock(existing.id, trx)
        const previous = snapshot(fresh, AUDITED_FIELDS)
        fresh.merge(this.#applicationFields(input))
        fresh.status = sellerLifecycle.next(fresh.status, 'reapply')
        fresh.rejectionReason = null
        await fresh.save()
        await SellerApplied.record(
          trx,
          fresh,
          actor,
          changeBetween(previous, snapshot(fresh, AUDITED_FIELDS))
        )
        return fresh
      }
      const created = await Seller.create(
        {
          ...this.#applicationFields(input),
          slug: uniqueSlug(input.name),
          status: SellerStatus.Pending,
        },
        { client: trx }
      )
      await SellerMember.create(
        { sellerId: created.id, userId: user.id, role: SellerMemberRole.Owner },
        { client: trx }
      )
      await SellerApplied.record(
        trx,
        created,
        actor,
        changeBetween({}, snapshot(created, AUDITED_FIELDS))
      )
      return created
    })
  }

  /** Approves a pending application; the owner can then use the seller center. */
  async approve(seller: Seller, actor: Actor) {
    return this.#review(seller, 'approve', actor, null)
  }

  /** Rejects a pending application with a reason the applicant will read. */
  async reject(seller: Seller, reason: string, actor: Actor) {
    return this.#review(seller, 'reject', actor, reason)
  }

  async #review(seller: Seller, action: 'approve' | 'reject', actor: Actor, reason: string | null) {
    const fields = ['status', 'rejectionReason'] as const
    await db.transaction(async (trx) => {
      const fresh = await this.#lock(seller.id, trx)
      const before = snapshot(fresh, fields)
      fresh.status = sellerLifecycle.next(fresh.status, action)
      fresh.rejectionReason = reason
      fresh.reviewedById = actor.userId
      fresh.reviewedAt = DateTime.now()
      await fresh.save()
      const Event = action === 'approve' ? SellerApproved : SellerRejected
      await Event.record(trx, fresh, actor, changeBetween(before, snapshot(fresh, fields)))
    })
    await seller.refresh()
    return seller
  }

  #applicationFields(input: SellerApplicationInput) {
    return {
      ...identityColumns(input),
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      description: input.description ?? null,
    }
  }

  #lock(id: number, trx: TransactionClientContract) {
    return Seller.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
  }
}
