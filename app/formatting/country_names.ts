/**
 * Countries by their names in the reader's language (대한민국 / South Korea),
 * wherever a page or an email shows one: codes like `KR` are for forms and
 * the database, never for people.
 */

const names = new Map<string, Intl.DisplayNames>()

/** The name of an ISO 3166-1 alpha-2 country in `locale`; the code itself if ICU has none. */
export function countryName(code: string, locale: string): string {
  const language = locale === 'en' ? 'en' : 'ko'
  let displayNames = names.get(language)
  if (!displayNames) {
    displayNames = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })
    names.set(language, displayNames)
  }
  try {
    return displayNames.of(code.toUpperCase()) ?? code
  } catch {
    // Not a well-formed region code (a hand-edited row): show it as it is.
    return code
  }
}
