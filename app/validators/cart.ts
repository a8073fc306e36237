import vine from '@vinejs/vine'

/** Adding a variant to a cart. Prices are never accepted from the client. */
export const cartItemValidator = vine.create({
  variantId: vine.number().withoutDecimals().positive(),
  quantity: vine.number().withoutDecimals().min(1).max(10_000),
})

/** Changing a line's quantity; 0 removes it. */
export const cartQuantityValidator = vine.create({
  quantity: vine.number().withoutDecimals().min(0).max(10_000),
})

/** Where to quote shipping to when showing a cart. */
export const cartDestinationValidator = vine.create({
  country: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  postalCode: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{2,10}$/)
    .optional(),
})
