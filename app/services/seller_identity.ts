import encryption from '@adonisjs/core/services/encryption'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Seller from '#models/seller'
import { failValidation } from '#services/validation'
import { formatBusinessNumber } from '#validators/rules/business_number'

/** Sellers' and change requests' account numbers share one purpose, so approval copies the ciphertext. */
const ACCOUNT_PURPOSE = 'seller-bank-account'

/**
 * The details an operator verified when approving a seller: the business
 * registration as the 사업자등록증 shows it (number, registered name (상호),
 * which is also the store's name, and representative) and the payout account
 * as the bankbook shows it (bank, holder, number). Money and the storefront's
 * seller information depend on them, so changing any of them goes to review.
 */
export interface SellerIdentity {
  name: string
  businessNumber: string
  representative: string
  bankName: string
  bankAccountHolder: string
  /** In clear, as the seller typed it (dashes kept). */
  bankAccountNumber: string
}

export const IDENTITY_FIELDS = [
  'name',
  'businessNumber',
  'representative',
  'bankName',
  'bankAccountHolder',
  'bankAccountNumber',
] as const

/** How pages name each identity field: the labels of the settings form. */
export const IDENTITY_FIELD_LABELS: Record<(typeof IDENTITY_FIELDS)[number], string> = {
  name: 'messages.seller.store_name',
  businessNumber: 'messages.seller.business_number',
  representative: 'messages.seller.representative',
  bankName: 'messages.seller.bank_name',
  bankAccountHolder: 'messages.seller.account_holder',
  bankAccountNumber: 'messages.seller.account_number',
}

/** The payout account, whose change is also announced to the admins. */
export const PAYOUT_FIELDS = ['bankName', 'bankAccountHolder', 'bankAccountNumber'] as const

/** Store details a seller changes at once: nobody verified them. */
export const CONTACT_FIELDS = ['contactEmail', 'contactPhone', 'description'] as const

/** The digits of an account number, for comparing and masking. */
function accountDigits(accountNumber: string) {
  return accountNumber.replaceAll('-', '')
}

/** An identity as columns of sellers or seller_identity_changes: the account number encrypted. */
export function identityColumns(identity: SellerIdentity) {
  return {
    name: identity.name,
    businessNumber: identity.businessNumber,
    representative: identity.representative,
    bankName: identity.bankName,
    bankAccountHolder: identity.bankAccountHolder,
    bankAccountNumber: encryption.encrypt(identity.bankAccountNumber, { purpose: ACCOUNT_PURPOSE }),
    bankAccountLastDigits: accountDigits(identity.bankAccountNumber).slice(-4),
  }
}

/** A seller or a change request: the same fields, the account number encrypted. */
export type StoredIdentity = SellerIdentity

/** The identity a seller or a change request holds, the account number decrypted. */
export function identityOf(record: StoredIdentity): SellerIdentity {
  return {
    name: record.name,
    businessNumber: record.businessNumber,
    representative: record.representative,
    bankName: record.bankName,
    bankAccountHolder: record.bankAccountHolder,
    bankAccountNumber: encryption.decrypt<string>(record.bankAccountNumber, ACCOUNT_PURPOSE) ?? '',
  }
}

/** The identity fields that differ between two identities (account numbers by their digits). */
export function changedFields(from: SellerIdentity, to: SellerIdentity) {
  return IDENTITY_FIELDS.filter((field) =>
    field === 'bankAccountNumber'
      ? accountDigits(from[field]) !== accountDigits(to[field])
      : from[field] !== to[field]
  )
}

/**
 * The identity in force beside a requested one, field by field, for people
 * to compare: account numbers masked but for their last four digits.
 */
export function compareIdentities(current: StoredIdentity, requested: StoredIdentity) {
  const [from, to] = [identityOf(current), identityOf(requested)]
  const changed = changedFields(from, to)
  const shown = (identity: SellerIdentity, field: (typeof IDENTITY_FIELDS)[number]) => {
    if (field === 'bankAccountNumber') return maskAccountNumber(identity[field])
    if (field === 'businessNumber') return formatBusinessNumber(identity[field])
    return identity[field]
  }
  return IDENTITY_FIELDS.map((field) => ({
    field,
    label: IDENTITY_FIELD_LABELS[field],
    current: shown(from, field),
    requested: shown(to, field),
    changed: changed.includes(field),
  }))
}

/** An account number as operators and mails show it: only the last four digits. */
export function maskAccountNumber(accountNumber: string) {
  return `****${accountDigits(accountNumber).slice(-4)}`
}

/**
 * An identity as the audit log shows it: the account number by its last
 * four digits, plus a `bankAccountNumber` entry that changeBetween redacts,
 * so a new number with the same last digits still shows as changed.
 */
export function auditedIdentity(identity: SellerIdentity) {
  const digits = accountDigits(identity.bankAccountNumber)
  return {
    name: identity.name,
    businessNumber: identity.businessNumber,
    representative: identity.representative,
    bankName: identity.bankName,
    bankAccountHolder: identity.bankAccountHolder,
    bankAccountLastDigits: digits.slice(-4),
    bankAccountNumber: digits,
  }
}

/** A 422 on businessNumber when another seller has registered `businessNumber`. */
export async function assertBusinessNumberFree(
  businessNumber: string,
  ownSellerId: number | undefined,
  client?: QueryClientContract
) {
  const taken = await Seller.query({ client })
    .where('business_number', businessNumber)
    .if(ownSellerId, (query) => query.whereNot('id', ownSellerId!))
    .first()
  if (taken) {
    failValidation(
      'businessNumber',
      'This business registration number is already registered',
      'businessNumberTaken'
    )
  }
}
