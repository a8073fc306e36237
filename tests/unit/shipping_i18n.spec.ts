import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { ShippingRegistry } from '#shipping/shipping_registry'
import { parcelSpread, SPREAD_DESTINATIONS } from '#tests/conformance/shipping_policy_suite'

test.group('Shipping | translations', () => {
  test('translates every breakdown line and refusal the built-in policies give', async ({
    assert,
  }) => {
    const shipping = await app.container.make(ShippingRegistry)
    // The registry's own refusal, and answers the policies' defaults never give.
    const keys = new Set([
      'shipping.reason.country_not_served',
      'shipping.reason.country_excluded',
      'shipping.breakdown.per_item_capped',
    ])
    for (const policy of shipping
      .list('domestic')
      .concat(shipping.list('surcharge'), shipping.list('international'))) {
      for (const parcel of parcelSpread()) {
        for (const destination of SPREAD_DESTINATIONS) {
          const result = policy.quote(parcel, destination, policy.defaults)
          if (!result.deliverable) keys.add(`shipping.reason.${result.reason}`)
          else result.breakdown.forEach((line) => keys.add(`shipping.breakdown.${line.code}`))
        }
      }
    }
    assert.includeMembers(
      [...keys],
      ['shipping.breakdown.remote_area.jeju', 'shipping.reason.too_heavy']
    )
    await i18nManager.loadTranslations()
    for (const locale of ['ko', 'en']) {
      for (const key of keys)
        assert.isTrue(i18nManager.locale(locale).hasMessage(key), `${locale}: ${key}`)
    }
  })
})
