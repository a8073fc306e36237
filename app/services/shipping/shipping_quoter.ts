import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import { inject } from '@adonisjs/core'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { Destination, Parcel, QuoteResult, ShippingScope } from '#shipping/types'

/** A seller's policy for one scope: the version row (null for the store default). */
export interface PolicyInForce {
  versionId: number | null
  version: number
  code: string
  options: Record<string, unknown>
}

/** A seller's shipping in force; null where the seller does not offer it. */
export interface SellerPolicies {
  domestic: PolicyInForce
  surcharge: PolicyInForce | null
  international: PolicyInForce | null
}

/** A quote and the policy versions behind it, as an order records them. */
export interface SellerQuote {
  result: QuoteResult
  shippingPolicyId: number | null
  surchargePolicyId: number | null
}

/**
 * Reads sellers' current policy versions (store defaults where a seller has
 * not set one) and quotes parcels with them through the registry.
 */
@inject()
export class ShippingQuoter {
  constructor(readonly registry: ShippingRegistry) {}

  /** Current policies of many sellers, in one query. */
  async policiesFor(
    sellerIds: number[],
    client?: QueryClientContract
  ): Promise<Map<number, SellerPolicies>> {
    const rows = sellerIds.length
      ? await ShippingPolicyVersion.query({ client })
          .whereIn('sellerId', sellerIds)
          .withScopes((scopes) => scopes.current())
      : []
    const policies = new Map<number, SellerPolicies>()
    for (const sellerId of sellerIds) policies.set(sellerId, this.#defaults())
    for (const row of rows) {
      const entry = policies.get(row.sellerId)!
      const inForce = row.code
        ? { versionId: row.id, version: row.version, code: row.code, options: row.options }
        : null
      if (row.scope === 'domestic' && inForce) entry.domestic = inForce
      if (row.scope === 'surcharge') entry.surcharge = inForce
      if (row.scope === 'international') entry.international = inForce
    }
    return policies
  }

  /** Quotes one seller's parcel. */
  quote(policies: SellerPolicies, parcel: Parcel, destination: Destination): SellerQuote {
    const result = this.registry.quoteSeller(policies, parcel, destination)
    const domestic = destination.country === this.registry.homeCountry
    return {
      result,
      shippingPolicyId: domestic
        ? policies.domestic.versionId
        : (policies.international?.versionId ?? null),
      surchargePolicyId: domestic ? (policies.surcharge?.versionId ?? null) : null,
    }
  }

  #defaults(): SellerPolicies {
    const defaults = this.registry.defaults
    const fallback = (scope: ShippingScope) => {
      const choice = defaults[scope]
      return choice
        ? { versionId: null, version: 0, code: choice.code, options: choice.options }
        : null
    }
    return {
      domestic: fallback('domestic')!,
      surcharge: fallback('surcharge'),
      international: fallback('international'),
    }
  }
}
