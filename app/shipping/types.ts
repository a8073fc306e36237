import type { VineObject } from '@vinejs/vine'
import type { SchemaTypes } from '@vinejs/vine/types'

/** The VineJS object schema of a policy's options. */
export type OptionsSchema = VineObject<Record<string, SchemaTypes>, unknown, unknown, unknown>

/**
 * One line of a parcel, priced on the server. Money is integer minor units
 * of `Parcel.currency`; weight is grams (0 when the seller left it blank).
 */
export interface ParcelItem {
  variantId: number
  quantity: number
  unitPrice: number
  weightGrams: number
}

/**
 * One seller's items in one order (묶음배송: Korean marketplaces charge
 * shipping per seller, not per product).
 */
export interface Parcel {
  sellerId: number
  currency: string
  items: ParcelItem[]
  /** Sum of unitPrice × quantity, after discounts. */
  subtotal: number
  /** Sum of weightGrams × quantity. */
  weightGrams: number
  /** Sum of quantities. */
  itemCount: number
}

/** Where the parcel goes. Country is ISO 3166-1 alpha-2, upper case. */
export interface Destination {
  country: string
  postalCode: string
  region?: string | null
  city?: string | null
}

/** One human-readable reason an amount was charged (or waived). */
export interface BreakdownLine {
  /** Stable machine code, e.g. `base`, `free_over_threshold`, `remote_area.jeju`. */
  code: string
  /**
   * The policy's own words, e.g. "Jeju surcharge": shown only when no
   * translation exists for the code (shipping.breakdown.<code>), as for a
   * plugin's policy without lang files.
   */
  label: string
  /** Minor units; 0 for a waived fee (the line still says why). */
  amount: number
  /**
   * The facts the translated label names, e.g. `{ upToGrams: 2000 }` for a
   * weight band (shipping.breakdown_detail.<code>).
   */
  params?: Record<string, string | number>
}

/** A priced shipment. `amount` is the sum of `breakdown` amounts. */
export interface ShippingQuote {
  deliverable: true
  amount: number
  currency: string
  breakdown: BreakdownLine[]
}

/** A typed "we do not ship there" answer; never an exception. */
export interface NotDeliverable {
  deliverable: false
  /** Stable code: `country_excluded`, `country_not_served`, `too_heavy`, `not_domestic`, … */
  reason: string
  /** Shown to shoppers. */
  message: string
}

export type QuoteResult = ShippingQuote | NotDeliverable

/**
 * Which part of a seller's shipping a policy fills: the base domestic fee,
 * a surcharge added on top of it for remote Korean areas (제주/도서산간), or
 * shipping abroad.
 */
export type ShippingScope = 'domestic' | 'surcharge' | 'international'

/**
 * A shipping policy (the extension point): a stable `code`, a VineJS schema
 * for the seller's options, and a pure `quote`. The seller's chosen options
 * are data in a row; the behaviour is this object. A plugin adds one to the
 * `policies` map of config/shipping.ts.
 */
export interface ShippingPolicy<Options extends object = Record<string, unknown>> {
  readonly code: string
  /** Which scopes a seller may use this policy for. */
  readonly scopes: readonly ShippingScope[]
  /** Shown in the seller center's policy picker. */
  readonly label: { ko: string; en: string }
  /**
   * Validates the seller's options (money in minor units, weights in grams);
   * its output is what `quote` receives. Compiled once by the registry.
   */
  readonly schema: OptionsSchema
  /** Describes the option fields so the seller center can render a form. */
  readonly fields: readonly OptionField[]
  /** Options a new seller starts with. */
  readonly defaults: Options
  /** Deterministic: the same input always gives the same answer. */
  quote(parcel: Parcel, destination: Destination, options: Options): QuoteResult
}

/**
 * One input of a policy's options form. `money` fields are entered in major
 * units and stored in minor units; `rows` fields are repeatable groups (bands,
 * tiers, zones). `weight_bands` is a list of `{ upToGrams, amount }`, so a
 * zone row can hold its own bands.
 */
export type OptionField =
  | {
      name: string
      type:
        | 'money'
        | 'integer'
        | 'grams'
        | 'text'
        | 'boolean'
        | 'countries'
        | 'postal_ranges'
        | 'weight_bands'
      label: { ko: string; en: string }
      help?: { ko: string; en: string }
    }
  | {
      name: string
      type: 'rows'
      label: { ko: string; en: string }
      help?: { ko: string; en: string }
      columns: readonly Exclude<OptionField, { type: 'rows' }>[]
    }
