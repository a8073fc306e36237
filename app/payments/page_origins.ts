import env from '#start/env'
import config from '@adonisjs/core/services/config'
import { providerEnabled } from '#payments/env_keys'

export interface PageOrigins {
  scripts: string[]
  frames: string[]
  connects: string[]
}

/** Where a provider's browser SDK comes from, and what else it needs to reach. */
interface ProviderPage {
  enabled: boolean
  /** Set to point the pages at another copy of the SDK (a local provider server in tests). */
  jsUrl: string | undefined
  scripts: string[]
  frames: string[]
  connects: string[]
}

const PROVIDERS: ProviderPage[] = [
  {
    enabled: providerEnabled('stripe'),
    jsUrl: env.get('STRIPE_JS_URL'),
    scripts: ['https://js.stripe.com'],
    frames: ['https://js.stripe.com', 'https://hooks.stripe.com'],
    connects: ['https://api.stripe.com'],
  },
  {
    enabled: providerEnabled('toss'),
    jsUrl: env.get('TOSS_JS_URL'),
    scripts: ['https://js.tosspayments.com'],
    frames: ['https://*.tosspayments.com'],
    connects: ['https://*.tosspayments.com'],
  },
  {
    enabled: providerEnabled('naverpay'),
    jsUrl: env.get('NAVERPAY_JS_URL'),
    scripts: ['https://nsp.pay.naver.com'],
    frames: [],
    connects: [],
  },
]

/**
 * The origins the payment pages may load scripts, frames and requests from,
 * for the providers that are switched on only; config/shield.ts adds them to
 * the CSP. A provider whose SDK URL is overridden gets that origin alone.
 */
export function paymentPageOrigins(): PageOrigins {
  const origins: PageOrigins = { scripts: [], frames: [], connects: [] }
  for (const provider of PROVIDERS.filter((entry) => entry.enabled)) {
    const own = provider.jsUrl ? [new URL(provider.jsUrl).origin] : null
    origins.scripts.push(...(own ?? provider.scripts))
    origins.frames.push(...(own ?? provider.frames))
    origins.connects.push(...(own ?? provider.connects))
  }
  return origins
}

/**
 * A CSP directive value read on every request from `payments.pageOrigins`
 * (config/payments.ts), so tests can point the pages at local provider servers.
 */
export function cspOrigins(kind: keyof PageOrigins) {
  return () => config.get<PageOrigins | undefined>('payments.pageOrigins')?.[kind].join(' ') ?? ''
}
