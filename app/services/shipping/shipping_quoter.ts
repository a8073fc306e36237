import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { policiesInForce } from '#services/shipping/policies_in_force'
import type { ScopePolicy } from '#services/shipping/policies_in_force'
import { inject } from '@adonisjs/core'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { Destination, Parcel, QuoteResult } from '#shipping/types'

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

  /** Current policies of many sellers, in one query; null where a seller does not offer one. */
  async policiesFor(
    sellerIds: number[],
    client?: QueryClientContract
  ): Promise<Map<number, SellerPolicies>> {
    const inForce = await policiesInForce(this.registry, sellerIds, client)
    const offered = (policy: ScopePolicy): PolicyInForce | null =>
      policy.code ? { ...policy, code: policy.code } : null
    return new Map(
      [...inForce].map(([sellerId, policies]) => [
        sellerId,
        {
          domestic: offered(policies.domestic)!,
          surcharge: offered(policies.surcharge),
          international: offered(policies.international),
        },
      ])
    )
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
}
