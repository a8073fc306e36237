import vine from '@vinejs/vine'
import { isCountryCode } from '#shipping/countries'
import { phone } from '#validators/account'
import { MAX_ROW_ID, rowId } from '#validators/rules/bounds'

const countryCode = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !isCountryCode(value)) {
    field.report('The {{ field }} is not a country we know', 'country', field)
  }
})

/**
 * A shipping address. Korea: 5-digit postal code, road address (line1) and
 * detail (line2). Elsewhere: a postal code and a city.
 */
export const shippingAddressSchema = vine
  .object({
    name: vine.string().trim().minLength(1).maxLength(100),
    phone: phone(),
    country: vine
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .use(countryCode()),
    line1: vine.string().trim().minLength(1).maxLength(200),
    line2: vine.string().trim().maxLength(200).optional(),
  })
  .merge(
    vine.group([
      vine.group.if(
        (data) =>
          String(data.country ?? '')
            .trim()
            .toUpperCase() === 'KR',
        {
          postalCode: vine
            .string()
            .trim()
            .regex(/^\d{5}$/),
          city: vine.string().trim().maxLength(100).optional(),
          region: vine.string().trim().maxLength(100).optional(),
        }
      ),
      vine.group.else({
        postalCode: vine
          .string()
          .trim()
          .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/),
        city: vine.string().trim().minLength(1).maxLength(100),
        region: vine.string().trim().maxLength(100).optional(),
      }),
    ])
  )

/**
 * Placing an order. Anything else the client sends (prices, totals,
 * shipping fees) is dropped by the validator and recomputed on the server.
 * `savedMethodId` pays with one of the customer's saved methods at once;
 * `saveMethod` keeps the method used for next time.
 */
export const checkoutValidator = vine.create({
  cartId: vine.string().trim().uuid(),
  email: vine.string().trim().email().maxLength(254),
  shippingAddress: shippingAddressSchema,
  paymentMethod: vine.string().trim().maxLength(40),
  saveMethod: vine.boolean().optional(),
  savedMethodId: rowId().optional(),
})

/**
 * "Update shipping" on the checkout form: the form as typed so far, nothing
 * required yet, but nothing beyond what placing the order accepts either,
 * and a postal code in its country's format (a Korean one has five digits).
 */
export const checkoutQuoteValidator = vine.create({
  email: vine.string().trim().maxLength(254).optional(),
  shippingAddress: vine
    .object({
      name: vine.string().trim().maxLength(100).optional(),
      phone: vine.string().trim().maxLength(30).optional(),
      country: vine
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/)
        .use(countryCode())
        .optional(),
      line1: vine.string().trim().maxLength(200).optional(),
      line2: vine.string().trim().maxLength(200).optional(),
      city: vine.string().trim().maxLength(100).optional(),
      region: vine.string().trim().maxLength(100).optional(),
    })
    .merge(
      vine.group([
        vine.group.if(
          (data) =>
            String(data.country ?? '')
              .trim()
              .toUpperCase() === 'KR',
          {
            postalCode: vine
              .string()
              .trim()
              .regex(/^\d{5}$/)
              .optional(),
          }
        ),
        vine.group.else({
          postalCode: vine
            .string()
            .trim()
            .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/)
            .optional(),
        }),
      ])
    )
    .optional(),
  paymentMethod: vine.string().trim().maxLength(40).optional(),
  saveMethod: vine.boolean().optional(),
  cartVersion: vine.number().withoutDecimals().min(0).max(MAX_ROW_ID).optional(),
})

/** How the checkout page offers a saved method in its payment choices: `saved:<id>`. */
export const SAVED_METHOD_CHOICE = 'saved:'

/** The checkout form's fields with a saved-method choice read as `savedMethodId`. */
export function withSavedMethodChoice(fields: Record<string, unknown>): Record<string, unknown> {
  const choice = fields.paymentMethod
  if (typeof choice !== 'string' || !choice.startsWith(SAVED_METHOD_CHOICE)) return fields
  return { ...fields, savedMethodId: choice.slice(SAVED_METHOD_CHOICE.length) }
}
