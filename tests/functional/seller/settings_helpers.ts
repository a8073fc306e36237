import type { ApiClient } from '@japa/api-client'
import type Seller from '#models/seller'
import type User from '#models/user'
import SellerIdentityChange from '#models/seller_identity_change'
import AuditEvent from '#models/audit_event'

/** The payout account number every factory seller has (see SellerFactory). */
export const FACTORY_ACCOUNT = '110-123-456789'

/** A new payout account number, different from the factory's in every digit group. */
export const NEW_ACCOUNT = '333-0202-778812'

/**
 * The store settings form as the page fills it for `seller` (values in
 * force, the factory's account number), with `changes` applied.
 */
export function settingsForm(seller: Seller, changes: Record<string, string> = {}) {
  return {
    name: seller.name,
    businessNumber: seller.businessNumber,
    representative: seller.representative,
    contactEmail: seller.contactEmail,
    contactPhone: seller.contactPhone,
    description: seller.description ?? '',
    bankName: seller.bankName,
    bankAccountHolder: seller.bankAccountHolder,
    bankAccountNumber: FACTORY_ACCOUNT,
    ...changes,
  }
}

/** Saves the store settings as `member`, from the settings page. */
export function saveSettings(client: ApiClient, member: User, form: Record<string, string>) {
  return client
    .put('/seller/settings')
    .header('referer', '/seller/settings')
    .form(form)
    .loginAs(member)
    .withCsrfToken()
    .redirects(0)
}

/** A seller's change requests, oldest first. */
export function changesOf(seller: Seller) {
  return SellerIdentityChange.query().where('seller_id', seller.id).orderBy('id')
}

/** Audit rows about `seller` with one of the given actions, oldest first. */
export function sellerAudit(seller: Seller, actions: string[]) {
  return AuditEvent.query()
    .where('subject_type', 'seller')
    .where('subject_id', String(seller.id))
    .whereIn('action', actions)
    .orderBy('id')
}

/** The verified details of a seller, to show that they did not move. */
export function verifiedDetails(seller: Seller) {
  return {
    name: seller.name,
    businessNumber: seller.businessNumber,
    representative: seller.representative,
    bankName: seller.bankName,
    bankAccountHolder: seller.bankAccountHolder,
    bankAccountNumber: seller.bankAccountNumber,
    bankAccountLastDigits: seller.bankAccountLastDigits,
    status: seller.status,
  }
}
