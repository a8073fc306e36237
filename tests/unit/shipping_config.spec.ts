import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { defineConfig, type ShippingConfig } from '#shipping/define_config'
import { FlatPolicy } from '#shipping/policies/flat_policy'
import { RemoteAreaPolicy } from '#shipping/policies/remote_area_policy'
import { ShippingRegistry } from '#shipping/shipping_registry'

const policies = { flat: () => new FlatPolicy(), remote_area: () => new RemoteAreaPolicy() }

test.group('Shipping | config/shipping.ts', () => {
  test('registers every built-in policy and starts sellers on 조건부 무료배송', async ({
    assert,
  }) => {
    const shipping = await app.container.make(ShippingRegistry)
    assert.equal(shipping.homeCountry, 'KR')
    assert.sameMembers(Object.keys(shipping.config.policies), [
      'flat',
      'free_over',
      'tiered',
      'per_item',
      'weight_bands',
      'remote_area',
      'international_zones',
    ])
    assert.deepEqual(shipping.defaults.domestic, {
      code: 'free_over',
      options: { amount: 3000, threshold: 50_000 },
    })
    assert.equal(shipping.defaults.surcharge?.code, 'remote_area')
    assert.isNull(shipping.defaults.international)
    assert.strictEqual(shipping.defaults, shipping.defaults, 'validated at boot, then kept')
  })

  test('names config/shipping.ts when a default uses an unknown policy', ({ assert }) => {
    const config = {
      homeCountry: 'KR',
      policies,
      defaults: { domestic: { code: 'flatt' }, surcharge: null, international: null },
    } as unknown as ShippingConfig
    assert.throws(
      () => defineConfig(config),
      'config/shipping.ts: defaults.domestic uses the unknown shipping policy "flatt"; add it to policies'
    )
  })

  test('refuses a home country that is not a country code', ({ assert }) => {
    assert.throws(
      () =>
        defineConfig({
          homeCountry: 'Korea',
          policies,
          defaults: { domestic: { code: 'flat' }, surcharge: null, international: null },
        }),
      /config\/shipping.ts: homeCountry "Korea"/
    )
  })

  test('fails at boot on default options the policy refuses', async ({ assert }) => {
    const shipping = new ShippingRegistry(
      defineConfig({
        homeCountry: 'KR',
        policies,
        defaults: {
          domestic: { code: 'flat', options: { amount: -3000 } },
          surcharge: null,
          international: null,
        },
      })
    )
    await assert.rejects(
      () => shipping.validateDefaults(),
      /config\/shipping.ts: defaults.domestic options for "flat" are invalid \(amount: /
    )
  })

  test('fails at boot on a default used outside its scope', async ({ assert }) => {
    const shipping = new ShippingRegistry(
      defineConfig({
        homeCountry: 'KR',
        policies,
        defaults: { domestic: { code: 'remote_area' }, surcharge: null, international: null },
      })
    )
    await assert.rejects(
      () => shipping.validateDefaults(),
      /config\/shipping.ts: defaults.domestic: Shipping policy "remote_area" cannot be used/
    )
  })

  test('refuses a policy registered under another code', ({ assert }) => {
    const shipping = new ShippingRegistry(
      defineConfig({
        homeCountry: 'KR',
        policies: { flat_rate: () => new FlatPolicy() },
        defaults: { domestic: { code: 'flat_rate' }, surcharge: null, international: null },
      })
    )
    assert.throws(() => shipping.get('flat_rate'), /policy "flat" is registered as "flat_rate"/)
  })
})
