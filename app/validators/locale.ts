import vine from '@vinejs/vine'

/** The language switcher's choice. */
export const localeValidator = vine.create({ locale: vine.enum(['ko', 'en']) })
