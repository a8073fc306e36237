import { Exception } from '@adonisjs/core/exceptions'
import type { ShippingScope } from '#shipping/types'

/**
 * A policy code that config/shipping.ts does not register: a typo, or a
 * seller's row written while a plugin that has since been removed was active.
 */
export class UnknownShippingPolicyError extends Exception {
  static status = 500
  static code = 'E_UNKNOWN_SHIPPING_POLICY'

  constructor(readonly policy: string) {
    super(`Unknown shipping policy "${policy}". Register it in config/shipping.ts`)
  }
}

/** A policy used for a part of shipping it does not fill (e.g. a surcharge as the base fee). */
export class ShippingScopeMismatchError extends Exception {
  static status = 422
  static code = 'E_SHIPPING_SCOPE_MISMATCH'

  constructor(
    readonly policy: string,
    readonly scope: ShippingScope,
    scopes: readonly ShippingScope[]
  ) {
    super(
      `Shipping policy "${policy}" cannot be used for ${scope} shipping; it serves: ${scopes.join(', ')}`
    )
  }
}

/**
 * A parcel priced in another currency than the one sellers' amounts are in:
 * quoting it would charge 3000 cents for a 3000 won fee.
 */
export class ShippingCurrencyMismatchError extends Exception {
  static status = 500
  static code = 'E_SHIPPING_CURRENCY_MISMATCH'

  constructor(parcelCurrency: string, currency: string) {
    super(
      `Cannot quote a ${parcelCurrency} parcel: shipping amounts are in ${currency} (currency in config/shipping.ts)`
    )
  }
}

/** config/shipping.ts is wrong; raised at boot so the shop never starts half-configured. */
export class InvalidShippingConfigError extends Exception {
  static status = 500
  static code = 'E_INVALID_SHIPPING_CONFIG'

  constructor(problem: string, options?: { cause?: unknown }) {
    super(`config/shipping.ts: ${problem}`, options)
  }
}
