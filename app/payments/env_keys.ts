import env from '#start/env'

/** The environment keys that switch each built-in provider on (any one of them set). */
export const PROVIDER_KEYS = {
  stripe: ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET'],
  paypal: ['PAYPAL_CLIENT_ID', 'PAYPAL_CLIENT_SECRET', 'PAYPAL_WEBHOOK_ID'],
  kakaopay: ['KAKAOPAY_SECRET_KEY'],
  naverpay: [
    'NAVERPAY_PARTNER_ID',
    'NAVERPAY_CLIENT_ID',
    'NAVERPAY_CLIENT_SECRET',
    'NAVERPAY_CHAIN_ID',
  ],
  toss: ['TOSS_CLIENT_KEY', 'TOSS_SECRET_KEY'],
} as const

/**
 * Whether a provider is switched on: any of its keys is set. Setting one and
 * forgetting another then fails at boot with the missing key's name, instead
 * of leaving the provider silently off.
 */
export function providerEnabled(provider: keyof typeof PROVIDER_KEYS): boolean {
  return PROVIDER_KEYS[provider].some((key) => Boolean(env.get(key)))
}

/** An optional secret's value, for an adapter's options. */
export function secret(
  key:
    | 'STRIPE_SECRET_KEY'
    | 'STRIPE_WEBHOOK_SECRET'
    | 'PAYPAL_CLIENT_SECRET'
    | 'KAKAOPAY_SECRET_KEY'
    | 'NAVERPAY_CLIENT_SECRET'
    | 'TOSS_SECRET_KEY'
) {
  return env.get(key)?.release()
}
