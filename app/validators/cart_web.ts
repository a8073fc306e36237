import vine from '@vinejs/vine'
import { rowId } from '#validators/rules/bounds'

/**
 * The storefront's shop forms. The cart and checkout forms reuse the Store
 * API validators (#validators/cart, #validators/checkout); these cover what
 * only the web pages have.
 */

/**
 * The sandbox card form. Only the format is checked here, so a typo is a
 * field error; whether the card pays is the processor's answer, as with a
 * real one.
 */
export const testCardValidator = vine.create({
  cardNumber: vine
    .string()
    .trim()
    .regex(/^\d[\d -]{11,22}$/),
  expiry: vine
    .string()
    .trim()
    .regex(/^\d{2}\s*\/\s*\d{2}$/),
  cvc: vine
    .string()
    .trim()
    .regex(/^\d{3,4}$/),
})

/** "Pay again" after a failed attempt, with the method picked for the new one. */
export const payAgainValidator = vine.create({
  paymentMethod: vine.string().trim().maxLength(40),
})

/** A page of the customer's order history. */
export const orderHistoryValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})

/** A saved address picked to fill in the checkout form. */
export const savedAddressValidator = vine.create({
  address: rowId().optional(),
})
