import vine from '@vinejs/vine'

/** The store's own settings (node ace store:setup). */
export const storeSettingsValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(100),
  currency: vine.string().trim().toUpperCase().in(Intl.supportedValuesOf('currency')),
  locale: vine.enum(['ko', 'en'] as const),
})
