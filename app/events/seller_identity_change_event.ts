import { SellerEvent } from '#events/subject_events'
import type Seller from '#models/seller'
import type SellerIdentityChange from '#models/seller_identity_change'
import type { Actor } from '#audit/actor'
import type { Change } from '#audit/change'

/**
 * Events about a seller's request to change its verified details. The
 * subject is the seller, so they read in the seller's audit trail; the
 * request travels along for listeners (the admins' mail links to it).
 */
export abstract class SellerIdentityChangeEvent extends SellerEvent {
  constructor(
    subject: Seller,
    actor: Actor,
    change: Change,
    readonly request: SellerIdentityChange
  ) {
    super(subject, actor, change)
  }
}
