import env from '#start/env'
import { defineConfig } from '#shipping/define_config'
import { FlatPolicy } from '#shipping/policies/flat_policy'
import { FreeOverPolicy } from '#shipping/policies/free_over_policy'
import { InternationalZonesPolicy } from '#shipping/policies/international_zones_policy'
import { PerItemPolicy } from '#shipping/policies/per_item_policy'
import { RemoteAreaPolicy } from '#shipping/policies/remote_area_policy'
import { TieredPolicy } from '#shipping/policies/tiered_policy'
import { WeightBandsPolicy } from '#shipping/policies/weight_bands_policy'

/**
 * The shipping policies sellers may choose from, and what a new seller
 * starts with. Sellers' options are in minor units of the store currency
 * (the defaults below assume KRW).
 */
export default defineConfig({
  homeCountry: 'KR',
  currency: env.get('STORE_CURRENCY', 'KRW'),
  policies: {
    flat: () => new FlatPolicy(),
    free_over: () => new FreeOverPolicy(),
    tiered: () => new TieredPolicy(),
    per_item: () => new PerItemPolicy(),
    weight_bands: () => new WeightBandsPolicy(),
    // Pass `areas` to follow another courier's 제주/도서산간 postal-code table.
    remote_area: () => new RemoteAreaPolicy(),
    international_zones: ({ homeCountry }) => new InternationalZonesPolicy({ homeCountry }),
    // A plugin's or your own policy (see tests/conformance/shipping_policies.spec.ts):
    // my_policy: () => new MyPolicy(),
  },
  defaults: {
    // 조건부 무료배송: 3,000 won, free from 50,000 won.
    domestic: { code: 'free_over', options: { amount: 3000, threshold: 50_000 } },
    // Jeju 3,000 won, other islands 5,000 won.
    surcharge: { code: 'remote_area' },
    international: null,
  },
})
