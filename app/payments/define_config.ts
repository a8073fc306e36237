import { PaymentAdapterMisconfiguredException } from '#payments/errors'
import type { PaymentAdapterFactory } from '#payments/types'
import type { PageOrigins } from '#payments/page_origins'
import {
  BankTransferAdapter,
  type BankTransferOptions,
} from '#payments/adapters/bank_transfer_adapter'
import { TestCardAdapter, type TestCardOptions } from '#payments/adapters/test_card_adapter'

/** config/payments.ts: the adapters a shop offers, keyed by their code. */
export interface PaymentsConfig {
  /** Preselected in the checkout's method picker. */
  default: string
  adapters: Record<string, PaymentAdapterFactory>
  /** Provider SDK origins the payment pages may use (added to the CSP). */
  pageOrigins: PageOrigins
}

/**
 * Typed helper for config/payments.ts: the adapters map is the registry, and
 * `default` must be one of its keys (checked by TypeScript and again at boot,
 * since entries can be switched off by environment).
 */
export function defineConfig<Adapters extends Record<string, PaymentAdapterFactory>>(config: {
  default: NoInfer<keyof Adapters & string>
  adapters: Adapters
  pageOrigins?: PageOrigins
}): PaymentsConfig {
  if (!Object.hasOwn(config.adapters, config.default)) {
    throw new PaymentAdapterMisconfiguredException(
      `The default payment adapter "${config.default}" is not registered in config/payments.ts ` +
        `(registered: ${Object.keys(config.adapters).join(', ') || 'none'})`
    )
  }
  return {
    ...config,
    pageOrigins: config.pageOrigins ?? { scripts: [], frames: [], connects: [], forms: [] },
  }
}

/**
 * Factories for the built-in adapters. Options are validated now, while the
 * config loads; the adapter itself is built on first use.
 */
export const adapters = {
  bankTransfer(options: Partial<BankTransferOptions>): PaymentAdapterFactory {
    const valid = BankTransferAdapter.validateOptions(options)
    return () => new BankTransferAdapter(valid)
  },
  testCard(options: Partial<TestCardOptions>): PaymentAdapterFactory {
    const valid = TestCardAdapter.validateOptions(options)
    return () => new TestCardAdapter(valid)
  },
}
