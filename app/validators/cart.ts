import vine from '@vinejs/vine'
import { rowId } from '#validators/rules/bounds'
import { postalCode as koreanPostalCode } from '#shipping/option_schemas'

/** Adding a variant to a cart. Prices are never accepted from the client. */
export const cartItemValidator = vine.create({
  variantId: rowId(),
  quantity: vine.number().withoutDecimals().min(1).max(10_000),
})

/** Changing a line's quantity; 0 removes it. */
export const cartQuantityValidator = vine.create({
  quantity: vine.number().withoutDecimals().min(0).max(10_000),
})

/**
 * Where to quote shipping to when showing a cart. The postal code is read in
 * the destination's country, or the store's home country when none is given
 * (`meta.homeCountry`): a Korean one has five digits, so "123" is a field
 * error rather than a destination without a postal code.
 */
export const cartDestinationValidator = vine.withMetaData<{ homeCountry: string }>().create(
  vine
    .object({
      country: vine
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/)
        .optional(),
    })
    .merge(
      vine.group([
        vine.group.if(
          (data, field) =>
            String(data.country ?? field.meta.homeCountry)
              .trim()
              .toUpperCase() === 'KR',
          { postalCode: koreanPostalCode().optional() }
        ),
        vine.group.else({
          postalCode: vine
            .string()
            .trim()
            .regex(/^[A-Za-z0-9 -]{2,10}$/)
            .optional(),
        }),
      ])
    )
)
