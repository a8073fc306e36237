import vine from '@vinejs/vine'
import storeConfig from '#config/store'
import { isCountryCode } from '#shipping/countries'
import { fractionDigits, toMinorUnits } from '#services/money'

const policyCode = () => vine.string().trim().maxLength(60)

/**
 * Saving one scope of the seller's shipping: the policy picked (empty: not
 * offered) and the version the form was opened at. The options are checked
 * by the policy's own schema in ShippingPolicyService.
 */
export const shippingPolicyChangeValidator = vine.create({
  scope: vine.enum(['domestic', 'surcharge', 'international'] as const),
  code: policyCode().nullable(),
  version: vine.number().withoutDecimals().min(0).optional(),
})

/** The shipping page's picker (`?domestic=tiered`): unknown codes fall back to the policy in force. */
export const shippingPageValidator = vine.create({
  domestic: policyCode().optional(),
  surcharge: policyCode().optional(),
  international: policyCode().optional(),
})

const countryCode = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && !isCountryCode(value)) {
    field.report('The {{ field }} is not a country we know', 'country', field)
  }
})

/**
 * The "quote this cart" simulator: a few sample lines (empty rows are
 * ignored; prices as typed in the store currency) and a destination.
 */
export const shippingQuoteValidator = vine.create({
  items: vine
    .array(
      vine.object({
        quantity: vine
          .number()
          .withoutDecimals()
          .min(1)
          .max(999)
          .optional()
          .requiredIfAnyExists(['unitPrice', 'weightGrams']),
        unitPrice: vine
          .number()
          .min(0)
          .max(1_000_000_000)
          .decimal([0, fractionDigits(storeConfig.currency)])
          .transform((value) => toMinorUnits(value, storeConfig.currency))
          .optional()
          .requiredIfAnyExists(['quantity', 'weightGrams']),
        weightGrams: vine.number().withoutDecimals().min(0).max(1_000_000).optional(),
      })
    )
    .maxLength(20),
  country: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .use(countryCode()),
  postalCode: vine.string().trim().maxLength(10).optional(),
})
