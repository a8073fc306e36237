import type { PaymentsConfig } from '#payments/define_config'
import {
  PaymentAdapterMisconfiguredException,
  UnknownPaymentAdapterException,
} from '#payments/errors'
import type { Localized, PaymentAdapter, PaymentCapabilities } from '#payments/types'

/** One entry of the checkout's method picker. */
export interface EnabledPaymentMethod {
  code: string
  label: Localized
  capabilities: PaymentCapabilities
  /** The method preselected in the picker. */
  isDefault: boolean
}

/**
 * Resolves the adapters registered in config/payments.ts by code, building
 * each one on first use (a shop that never refunds through PayPal never
 * loads it) and caching it for the life of the process.
 */
export class PaymentManager {
  #resolved = new Map<string, PaymentAdapter>()

  constructor(readonly config: PaymentsConfig) {}

  /** Whether `code` is registered, e.g. before trusting a code from a form or URL. */
  has(code: string): boolean {
    return Object.hasOwn(this.config.adapters, code)
  }

  /** The adapter registered as `code`, or the default one. */
  use(code: string = this.config.default): PaymentAdapter {
    const cached = this.#resolved.get(code)
    if (cached) return cached
    if (!this.has(code)) throw new UnknownPaymentAdapterException(code)

    const adapter = this.config.adapters[code]()
    if (adapter.code !== code) {
      throw new PaymentAdapterMisconfiguredException(
        `config/payments.ts registers "${code}" with an adapter whose code is "${adapter.code}"; ` +
          'register it under its own code'
      )
    }
    this.#resolved.set(code, adapter)
    return adapter
  }

  /**
   * A method's name in the reader's language (테스트 카드 / Test card), for
   * pages and emails that mention how an order was paid; the code itself
   * only for an adapter no longer registered.
   */
  label(code: string, locale: string): string {
    if (!this.has(code)) return code
    const label = this.use(code).label
    return locale === 'en' ? label.en : label.ko
  }

  /** Every registered adapter in config order, with what the picker shows. */
  enabled(): EnabledPaymentMethod[] {
    return Object.keys(this.config.adapters).map((code) => {
      const adapter = this.use(code)
      return {
        code,
        label: adapter.label,
        capabilities: { ...adapter.capabilities },
        isDefault: code === this.config.default,
      }
    })
  }
}
