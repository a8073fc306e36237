import { createHmac } from 'node:crypto'
import type { ConfirmInput, MethodSummary, SavedMethod } from '#payments/types'
import type { TossBillingKey, TossCard } from '#payments/adapters/toss_client'

/** Toss card company codes (카드사 코드) of the issuers most shoppers hold. */
const ISSUERS: Record<string, string> = {
  '11': 'kb_kookmin',
  '21': 'hana',
  '31': 'bc',
  '33': 'woori',
  '41': 'shinhan',
  '51': 'samsung',
  '61': 'hyundai',
  '71': 'lotte',
  '91': 'nh_nonghyup',
}

/** Toss's limit on orderName. */
const ORDER_NAME_MAX = 100

/** Toss masks the card number itself; `last4` only when its last four digits are shown. */
export function tossCardSummary(card: TossCard): MethodSummary {
  const tail = card.number.slice(-4)
  return {
    brand: ISSUERS[card.issuerCode] ?? `card_${card.issuerCode.toLowerCase()}`,
    ...(/^\d{4}$/.test(tail) ? { last4: tail } : {}),
  }
}

/** An issued billing key as the method the shop keeps for one-click payments. */
export function tossSavedMethod(key: TossBillingKey): SavedMethod {
  return {
    providerMethodId: key.billingKey,
    providerCustomerId: key.customerKey,
    summary: tossCardSummary(key.card),
  }
}

/**
 * The customerKey Toss knows a shopper by: derived from the email with the
 * secret key, so it is stable across purchases yet not guessable, as Toss asks.
 */
export function tossCustomerKey(secretKey: string, email: string): string {
  const digest = createHmac('sha256', secretKey)
    .update(`customer:${email.trim().toLowerCase()}`)
    .digest('base64url')
  return `jt_${digest.slice(0, 40)}`
}

/** The order name shown on Toss's receipt, within Toss's length limit. */
export function tossOrderName(description: string): string {
  return description.slice(0, ORDER_NAME_MAX)
}

/**
 * The card registration window's return (successUrl?customerKey&authKey), or
 * the reason it cannot be used: the customerKey must be the shopper's own
 * (`expected`) when the caller says who the shopper is.
 */
export function billingReturn(
  input: ConfirmInput,
  expected: string | undefined
): { authKey: string; customerKey: string; orderName: string } | { invalid: string } {
  const { authKey, customerKey, orderName } = input.params
  if (!authKey || !customerKey) {
    return { invalid: 'The return from Toss Payments carries no authKey and customerKey' }
  }
  if (expected !== undefined && expected !== customerKey) {
    return { invalid: 'The card was registered for another customer' }
  }
  return { authKey, customerKey, orderName: tossOrderName(orderName || input.attemptId) }
}
