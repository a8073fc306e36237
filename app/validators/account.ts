import vine from '@vinejs/vine'

/** Phone numbers as people type them: digits, spaces, dashes, +, parentheses. */
export const phone = () =>
  vine
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{6,18}$/)

/** The customer's own profile. */
export const profileValidator = vine.create({
  fullName: vine.string().trim().minLength(1).maxLength(100),
  phone: phone().optional(),
  locale: vine.enum(['ko', 'en']).optional(),
})

/** Changing the password requires the current one. */
export const passwordValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
  password: vine
    .string()
    .minLength(8)
    .maxLength(128)
    .confirmed({ confirmationField: 'passwordConfirmation' }),
})

/**
 * A shipping address. Korean addresses have a 5-digit postal code, a road
 * address and a detail line; others need a city and a postal code.
 */
export const addressValidator = vine.create(
  vine
    .object({
      label: vine.string().trim().maxLength(40).optional(),
      recipient: vine.string().trim().minLength(1).maxLength(100),
      phone: phone(),
      country: vine
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/),
      line1: vine.string().trim().minLength(1).maxLength(200),
      line2: vine.string().trim().maxLength(200).optional(),
      isDefault: vine.boolean().optional(),
    })
    .merge(
      vine.group([
        vine.group.if((data) => String(data.country ?? '').toUpperCase() === 'KR', {
          postalCode: vine
            .string()
            .trim()
            .regex(/^\d{5}$/),
          region: vine.string().trim().maxLength(100).optional(),
          city: vine.string().trim().maxLength(100).optional(),
        }),
        vine.group.else({
          postalCode: vine
            .string()
            .trim()
            .regex(/^[A-Za-z0-9 -]{2,10}$/),
          region: vine.string().trim().maxLength(100).optional(),
          city: vine.string().trim().minLength(1).maxLength(100),
        }),
      ])
    )
)
