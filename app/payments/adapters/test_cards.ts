/**
 * The sandbox's card rules, kept apart from the adapter so the adapter reads
 * as payment steps. Modelled on Stripe's test cards: the number decides the
 * outcome, and any other valid number is approved.
 */

export type DeclineCode =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'invalid_number'
  | 'invalid_expiry'
  | 'invalid_cvc'
  | 'invalid_payment_method'

/** What the processor does with a card: approve, decline with a code, or fail. */
export type CardBehaviour = 'approve' | 'outage' | DeclineCode

export const DECLINE_REASONS: Record<DeclineCode, string> = {
  card_declined: 'The card was declined',
  insufficient_funds: 'The card has insufficient funds',
  expired_card: 'The card has expired',
  invalid_number: 'The card number is invalid',
  invalid_expiry: 'The expiry date is invalid',
  invalid_cvc: 'The security code is invalid',
  invalid_payment_method: 'The saved payment method is not valid for this customer',
}

/** Numbers with a fixed outcome; every other valid number is approved. */
export const TEST_CARDS: Record<string, CardBehaviour> = {
  '4242424242424242': 'approve',
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000119': 'outage',
}

/** A card as the sandbox keeps it: everything but the number. */
export interface TestCard {
  behaviour: CardBehaviour
  brand: string
  last4: string
  /** `YYYY-MM`, the last month the card is valid. */
  expiresAt: string
}

/** Reads the card form fields, or says which field the processor refuses. */
export function readCard(
  params: Record<string, string | undefined>,
  now: Date
): { card: TestCard; number: string } | { decline: DeclineCode } {
  const number = (params.cardNumber ?? '').replace(/[\s-]/g, '')
  if (!/^\d{13,19}$/.test(number) || !passesLuhn(number)) return { decline: 'invalid_number' }
  const expiry = /^(\d{2})\s*\/\s*(\d{2})$/.exec(params.expiry ?? '')
  const month = Number(expiry?.[1])
  if (!expiry || month < 1 || month > 12) return { decline: 'invalid_expiry' }
  if (!/^\d{3,4}$/.test(params.cvc ?? '')) return { decline: 'invalid_cvc' }
  const card: TestCard = {
    behaviour: TEST_CARDS[number] ?? 'approve',
    brand: brandOf(number),
    last4: number.slice(-4),
    expiresAt: `20${expiry[2]}-${expiry[1]}`,
  }
  if (hasExpired(card, now)) return { decline: 'expired_card' }
  return { card, number }
}

/** A card is valid through the last day of its expiry month. */
export function hasExpired(card: TestCard, now: Date): boolean {
  const [year, month] = card.expiresAt.split('-').map(Number)
  return now.getTime() >= Date.UTC(year, month, 1)
}

function passesLuhn(number: string): boolean {
  let sum = 0
  for (let index = 0; index < number.length; index++) {
    let digit = Number(number[number.length - 1 - index])
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

function brandOf(number: string): string {
  const prefix = Number(number.slice(0, 6))
  if (number.startsWith('4')) return 'visa'
  if (/^5[1-5]/.test(number) || (prefix >= 222100 && prefix <= 272099)) return 'mastercard'
  if (/^3[47]/.test(number)) return 'amex'
  if (prefix >= 352800 && prefix <= 358999) return 'jcb'
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover'
  if (number.startsWith('62')) return 'unionpay'
  return 'unknown'
}
