import { isCountryCode } from '#shipping/countries'
import { InvalidShippingConfigError } from '#shipping/errors'
import type { ShippingPolicy } from '#shipping/types'

/** What a policy factory may need to know about the shop; never the request. */
export interface PolicyContext {
  homeCountry: string
  currency?: string
}

/** Builds a policy on first use; a plugin or the merchant adds one per code. */
export type PolicyFactory = (context: PolicyContext) => ShippingPolicy

/** A policy code and the options chosen for it (a seller's row, or a shop default). */
export interface PolicySelection {
  code: string
  options: Record<string, unknown>
}

/**
 * Everything a seller's shipping is made of: the domestic fee, an optional
 * surcharge on top of it for remote areas, and optional shipping abroad.
 */
export interface ShippingSelection {
  domestic: PolicySelection
  surcharge: PolicySelection | null
  international: PolicySelection | null
}

/** A shop default; without `options` the policy's own defaults apply. */
export interface DefaultSelection<Codes extends string = string> {
  code: NoInfer<Codes>
  options?: Record<string, unknown>
}

export interface ShippingConfig<Codes extends string = string> {
  /** ISO 3166-1 alpha-2; parcels going here take the domestic (and surcharge) policies. */
  homeCountry: string
  /** Currency of every amount in sellers' options; other parcels are refused. Omit to accept any. */
  currency?: string
  /** The registry: every policy sellers may choose, by code. */
  policies: Record<Codes, PolicyFactory>
  /** What a seller starts with before editing their shipping. */
  defaults: {
    domestic: DefaultSelection<Codes>
    surcharge: DefaultSelection<Codes> | null
    international: DefaultSelection<Codes> | null
  }
}

/**
 * Typed helper for config/shipping.ts. Checks what it can without building a
 * policy; the registry validates the defaults' options at boot.
 */
export function defineConfig<Codes extends string>(config: ShippingConfig<Codes>): ShippingConfig {
  if (!isCountryCode(config.homeCountry)) {
    throw new InvalidShippingConfigError(
      `homeCountry "${config.homeCountry}" is not an ISO 3166-1 alpha-2 code such as "KR"`
    )
  }
  if (config.currency !== undefined && !/^[A-Z]{3}$/.test(config.currency)) {
    throw new InvalidShippingConfigError(`currency "${config.currency}" is not an ISO 4217 code`)
  }
  for (const [part, selection] of Object.entries(config.defaults)) {
    if (selection && !Object.hasOwn(config.policies, selection.code)) {
      throw new InvalidShippingConfigError(
        `defaults.${part} uses the unknown shipping policy "${selection.code}"; add it to policies`
      )
    }
  }
  return config
}
