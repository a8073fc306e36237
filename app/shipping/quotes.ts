import type { BreakdownLine, NotDeliverable, ShippingQuote } from '#shipping/types'

/** A deliverable quote whose amount is, by construction, the sum of its lines. */
export function quoteFrom(currency: string, breakdown: BreakdownLine[]): ShippingQuote {
  const amount = breakdown.reduce((total, line) => total + line.amount, 0)
  return { deliverable: true, amount, currency, breakdown }
}

/** A typed refusal; `reason` is the stable code the UI translates (shipping.reason.*). */
export function notDeliverable(reason: string, message: string): NotDeliverable {
  return { deliverable: false, reason, message }
}

/**
 * Rows sorted by a numeric key, as a copy. Sellers may enter bands and tiers
 * in any order; quoting sorts instead of the validator so that field errors
 * still point at the row the seller typed.
 */
export function ascending<Row>(rows: readonly Row[], key: (row: Row) => number): Row[] {
  return [...rows].sort((a, b) => key(a) - key(b))
}

/** The lightest band a weight fits, edges included; undefined when it is heavier than all. */
export function bandFor<Band extends { upToGrams: number }>(
  bands: readonly Band[],
  weightGrams: number
): Band | undefined {
  return ascending(bands, (band) => band.upToGrams).find((band) => weightGrams <= band.upToGrams)
}

/** The most a set of bands ships, for the too-heavy message. */
export function heaviestBand(bands: readonly { upToGrams: number }[]): number {
  return Math.max(...bands.map((band) => band.upToGrams))
}
