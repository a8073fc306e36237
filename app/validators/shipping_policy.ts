import vine from '@vinejs/vine'
import storeConfig from '#config/store'
import { isCountryCode } from '#shipping/countries'
import type { ShippingScope } from '#shipping/types'
import { postalCode as koreanPostalCode } from '#shipping/option_schemas'
import { fractionDigits, toMinorUnits } from '#services/money'
import { MAX_ROW_ID } from '#validators/rules/bounds'

const policyCode = () => vine.string().trim().maxLength(60)

/**
 * Saving one scope of the seller's shipping: the policy picked (empty: not
 * offered) and the version the form was opened at. The form's scope must be
 * the one in the URL (`meta.scope`); the page reads it back to show a failed
 * save in the right section. The options are checked by the policy's own
 * schema in ShippingPolicyService.
 */
export const shippingPolicyChangeValidator = vine.withMetaData<{ scope: ShippingScope }>().create({
  scope: vine.enum((field) => [field.meta.scope as ShippingScope]),
  code: policyCode().nullable(),
  version: vine.number().withoutDecimals().min(0).max(MAX_ROW_ID).optional(),
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
 * ignored; prices as typed in the store currency) and a destination, whose
 * postal code is read in its country (a Korean one has five digits).
 */
export const shippingQuoteValidator = vine.create(
  vine
    .object({
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
    })
    .merge(
      vine.group([
        vine.group.if(
          (data) =>
            String(data.country ?? '')
              .trim()
              .toUpperCase() === 'KR',
          {
            postalCode: koreanPostalCode().optional(),
          }
        ),
        vine.group.else({ postalCode: vine.string().trim().maxLength(10).optional() }),
      ])
    )
)
