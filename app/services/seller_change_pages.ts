import type Seller from '#models/seller'
import SellerIdentityChange from '#models/seller_identity_change'
import { snapshot } from '#audit/change'
import { formatBusinessNumber } from '#validators/rules/business_number'
import {
  CONTACT_FIELDS,
  IDENTITY_FIELD_LABELS,
  type StoredIdentity,
  changedFields,
  compareIdentities,
  identityOf,
} from '#services/seller_identity'
import {
  IdentityChangeStatus,
  identityChangeLifecycle,
} from '#lifecycles/identity_change_lifecycle'

/*
 * What the pages show of sellers' change requests: the seller's settings and
 * the operators' queue and review. Changes go through SellerProfileService.
 */

/** An identity as the settings form shows it: the business number with its dashes. */
function formIdentity(record: StoredIdentity) {
  const identity = identityOf(record)
  return { ...identity, businessNumber: formatBusinessNumber(identity.businessNumber) }
}

/**
 * The settings page: the form holds the pending request's values when there
 * is one (saving the contact details then leaves it as it is), else the
 * values in force; the last decided request tells the seller its outcome.
 */
export async function settingsPage(seller: Seller) {
  const latest = await SellerIdentityChange.query()
    .where('seller_id', seller.id)
    .orderBy('id', 'desc')
    .first()
  const pending = latest?.isPending ? latest : null
  const decided =
    latest?.status === IdentityChangeStatus.Approved ||
    latest?.status === IdentityChangeStatus.Rejected
      ? latest
      : null
  return {
    form: { ...snapshot(seller, CONTACT_FIELDS), ...formIdentity(pending ?? seller) },
    pending,
    comparison: pending ? compareIdentities(seller, pending) : null,
    decided,
  }
}

/**
 * The operators' queue: requests in one status, oldest first, so none waits
 * forever. Pending ones name the fields they change (the seller's values
 * cannot change while a request is pending).
 */
export async function changeQueue(status: IdentityChangeStatus, page: number) {
  const requests = await SellerIdentityChange.query()
    .where('status', status)
    .preload('seller')
    .preload('requestedBy')
    .preload('reviewedBy')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .paginate(page, 25)
  const changed = Object.fromEntries(
    requests
      .all()
      .filter((request) => request.isPending)
      .map((request) => [
        request.id,
        changedFields(identityOf(request.seller), identityOf(request)).map(
          (field) => IDENTITY_FIELD_LABELS[field]
        ),
      ])
  )
  return { requests, changed }
}

/** One request with the seller's values in force beside the requested ones. */
export async function changeReview(id: number) {
  const request = await SellerIdentityChange.query()
    .where('id', id)
    .preload('seller')
    .preload('requestedBy')
    .preload('reviewedBy')
    .firstOrFail()
  return {
    request,
    comparison: compareIdentities(request.seller, request),
    actions: identityChangeLifecycle.actionsFrom(request.status),
  }
}
