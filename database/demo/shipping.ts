import app from '@adonisjs/core/services/app'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import type Seller from '#models/seller'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingScope } from '#shipping/types'

/**
 * Each demo seller ships differently, so the cart shows the policies side by
 * side: a flat fee that also ships abroad, free shipping over a threshold,
 * fees by order value, and fees by weight. Options not given are the
 * policy's defaults.
 */
const DEMO_SHIPPING: Record<string, [ShippingScope, string, Record<string, unknown>?][]> = {
  hanbit: [
    ['domestic', 'flat', { amount: 3000 }],
    ['international', 'international_zones'],
  ],
  jeju: [['domestic', 'free_over', { amount: 3500, threshold: 30_000 }]],
  seoul: [['domestic', 'tiered']],
  mono: [['domestic', 'weight_bands']],
}

/** Saves version 1 of the demo sellers' shipping policies, validated like a seller's form. */
export async function seedDemoShipping(sellers: Map<string, Seller>) {
  const registry = await app.container.make(ShippingRegistry)
  for (const [key, policies] of Object.entries(DEMO_SHIPPING)) {
    const seller = sellers.get(key)
    if (!seller) continue
    for (const [scope, code, options] of policies) {
      const validated = await registry.validateOptions(
        code,
        scope,
        options ?? registry.get(code).defaults
      )
      await ShippingPolicyVersion.create({
        sellerId: seller.id,
        scope,
        code,
        options: validated as Record<string, unknown>,
        version: 1,
        isCurrent: true,
      })
    }
  }
}
