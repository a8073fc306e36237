import vine from '@vinejs/vine'
import { ISO_COUNTRIES, isCountryCode } from '#shipping/countries'

/** Money in integer minor units of the store currency, never negative. */
export const money = () => vine.number().withoutDecimals().min(0).max(100_000_000)

/** A weight in whole grams, up to a tonne. */
export const grams = () => vine.number().withoutDecimals().min(1).max(1_000_000)

/** A Korean postal code (국가기초구역번호): five digits. */
export const postalCode = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{5}$/)

const countryRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' || !isCountryCode(value)) {
    field.report('The {{ field }} field must be an ISO 3166-1 country code', 'countryCode', field)
  }
})

/** Distinct ISO 3166-1 alpha-2 codes; `us` is accepted and stored as `US`. */
export const countries = () =>
  vine
    .array(vine.string().trim().toUpperCase().use(countryRule()))
    .distinct()
    .maxLength(ISO_COUNTRIES.length)

/**
 * Weight bands: each charges `amount` up to and including `upToGrams`.
 * Non-empty and without two bands of the same weight; any order.
 */
export const weightBands = () =>
  vine
    .array(vine.object({ upToGrams: grams(), amount: money() }))
    .notEmpty()
    .maxLength(50)
    .distinct('upToGrams')

const orderedRange = vine.createRule((value, _options, field) => {
  const { from, to } = value as { from?: unknown; to?: unknown }
  if (typeof from === 'string' && typeof to === 'string' && from.trim() > to.trim()) {
    field.report('The {{ field }} range must not end before it starts', 'postalRange', field)
  }
})

/** Inclusive ranges of Korean postal codes, e.g. `{ from: '63000', to: '63644' }`. */
export const postalRanges = () =>
  vine
    .array(vine.object({ from: postalCode(), to: postalCode() }).use(orderedRange()))
    .maxLength(200)

const oneZonePerCountry = vine.createRule((value, _options, field) => {
  const listed = (value as { countries?: unknown }[]).flatMap((zone) =>
    Array.isArray(zone.countries)
      ? zone.countries.map((code) => String(code).trim().toUpperCase())
      : []
  )
  if (new Set(listed).size !== listed.length) {
    field.report('The {{ field }} field lists a country in more than one zone', 'oneZone', field)
  }
})

/** Named country zones, each with its own weight bands; a country belongs to one zone at most. */
export const shippingZones = () =>
  vine
    .array(
      vine.object({
        name: vine.string().trim().minLength(1).maxLength(60),
        countries: countries().notEmpty(),
        bands: weightBands(),
      })
    )
    .notEmpty()
    .maxLength(30)
    .distinct('name')
    .use(oneZonePerCountry())
