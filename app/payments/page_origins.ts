import env from '#start/env'
import config from '@adonisjs/core/services/config'
import { providerEnabled } from '#payments/env_keys'

export interface PageOrigins {
  scripts: string[]
  frames: string[]
  connects: string[]
  /** Where a submitted form may lead, redirects included (the checkout's POST to a provider's page). */
  forms: string[]
}

/** Where a provider's browser SDK comes from, and what else it needs to reach. */
interface ProviderPage {
  enabled: boolean
  /** Set to point the pages at another copy of the SDK (a local provider server in tests). */
  jsUrl: string | undefined
  scripts: string[]
  frames: string[]
  connects: string[]
  forms: string[]
  /** Set when the provider's API is another copy (tests); its pages are then served there too. */
  apiUrl?: string | undefined
}

const PROVIDERS: ProviderPage[] = [
  {
    enabled: providerEnabled('stripe'),
    jsUrl: env.get('STRIPE_JS_URL'),
    scripts: ['https://js.stripe.com', 'https://*.js.stripe.com'],
    frames: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
    connects: ['https://api.stripe.com'],
    forms: [],
  },
  {
    enabled: providerEnabled('toss'),
    jsUrl: env.get('TOSS_JS_URL'),
    scripts: ['https://js.tosspayments.com'],
    frames: ['https://*.tosspayments.com'],
    connects: ['https://*.tosspayments.com'],
    forms: [],
  },
  {
    enabled: providerEnabled('naverpay'),
    jsUrl: env.get('NAVERPAY_JS_URL'),
    scripts: ['https://nsp.pay.naver.com'],
    frames: [],
    connects: [],
    forms: [],
  },
  {
    enabled: providerEnabled('kakaopay'),
    jsUrl: undefined,
    scripts: [],
    frames: [],
    connects: [],
    forms: ['https://online-pay.kakao.com'],
    apiUrl: env.get('KAKAOPAY_API_URL'),
  },
  {
    enabled: providerEnabled('paypal'),
    jsUrl: undefined,
    scripts: [],
    frames: [],
    connects: [],
    forms: ['https://www.paypal.com', 'https://www.sandbox.paypal.com'],
    apiUrl: env.get('PAYPAL_API_URL'),
  },
]

/**
 * The origins the payment pages may load scripts, frames and requests from,
 * and the provider pages the checkout form may redirect to, for the providers
 * that are switched on only; config/shield.ts adds them to the CSP. A provider
 * whose SDK or API URL is overridden gets that origin alone.
 */
export function paymentPageOrigins(): PageOrigins {
  const origins: PageOrigins = { scripts: [], frames: [], connects: [], forms: [] }
  for (const provider of PROVIDERS.filter((entry) => entry.enabled)) {
    const own = provider.jsUrl ? [new URL(provider.jsUrl).origin] : null
    origins.scripts.push(...(own ?? provider.scripts))
    origins.frames.push(...(own ?? provider.frames))
    origins.connects.push(...(own ?? provider.connects))
    origins.forms.push(...(provider.apiUrl ? [new URL(provider.apiUrl).origin] : provider.forms))
  }
  return origins
}

/**
 * A CSP directive value read on every request from `payments.pageOrigins`
 * (config/payments.ts), so tests can point the pages at local provider servers.
 */
export function cspOrigins(kind: keyof PageOrigins) {
  return () => {
    const origins = config.get<Partial<PageOrigins> | undefined>('payments.pageOrigins')
    return origins?.[kind]?.join(' ') ?? ''
  }
}
