import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import type { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingScope } from '#shipping/types'

/** The three parts of a seller's shipping, in the order the seller center shows them. */
export const SHIPPING_SCOPES: readonly ShippingScope[] = ['domestic', 'surcharge', 'international']

/** A seller's policy in force for one scope. Version 0 is the store default. */
export interface ScopePolicy {
  scope: ShippingScope
  /** null: the seller does not offer this part (no surcharge, no shipping abroad). */
  code: string | null
  options: Record<string, unknown>
  version: number
  versionId: number | null
}

export type CurrentPolicies = Record<ShippingScope, ScopePolicy>

/**
 * The policies in force for many sellers, in one query: each seller's
 * current version per scope, the store defaults (config/shipping.ts) where
 * the seller never chose one.
 */
export async function policiesInForce(
  registry: ShippingRegistry,
  sellerIds: number[],
  client?: QueryClientContract
): Promise<Map<number, CurrentPolicies>> {
  const rows = sellerIds.length
    ? await ShippingPolicyVersion.query({ client })
        .whereIn('sellerId', sellerIds)
        .withScopes((scopes) => scopes.current())
    : []
  const defaults = registry.defaults
  const policies = new Map<number, CurrentPolicies>()
  for (const sellerId of sellerIds) {
    const entries = SHIPPING_SCOPES.map((scope) => [
      scope,
      {
        scope,
        code: defaults[scope]?.code ?? null,
        options: defaults[scope]?.options ?? {},
        version: 0,
        versionId: null,
      },
    ])
    policies.set(sellerId, Object.fromEntries(entries) as CurrentPolicies)
  }
  for (const row of rows) {
    policies.get(row.sellerId)![row.scope] = {
      scope: row.scope,
      code: row.code,
      options: row.code ? row.options : {},
      version: row.version,
      versionId: row.id,
    }
  }
  return policies
}
