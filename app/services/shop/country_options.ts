import { ISO_COUNTRIES } from '#shipping/countries'
import { countryName } from '#formatting/country_names'

/** One entry of a country `<select>`. */
export interface CountryOption {
  code: string
  name: string
}

const cache = new Map<string, CountryOption[]>()

/**
 * Every country by its name in the visitor's language, the shop's home
 * country first (most orders ship there). Built once per language.
 */
export function countryOptions(locale: string, homeCountry: string): CountryOption[] {
  const key = `${locale}:${homeCountry}`
  const cached = cache.get(key)
  if (cached) return cached

  const options = ISO_COUNTRIES.map((code) => ({ code, name: countryName(code, locale) })).sort(
    (a, b) => a.name.localeCompare(b.name, locale)
  )
  const home = options.findIndex((option) => option.code === homeCountry)
  if (home > 0) options.unshift(...options.splice(home, 1))
  cache.set(key, options)
  return options
}
