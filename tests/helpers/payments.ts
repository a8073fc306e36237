import type { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import type { ApiClient } from '@japa/api-client'
import type { Group } from '@japa/runner/core'
import type Payment from '#models/payment'
import SavedPaymentMethod from '#models/saved_payment_method'
import type User from '#models/user'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import type { PageOrigins } from '#payments/page_origins'
import type { PaymentAdapterFactory } from '#payments/types'
import { stripeAdapter } from '#payments/adapters/stripe_adapter'
import { tossAdapter } from '#payments/adapters/toss_adapter'
import { naverPayAdapter } from '#payments/adapters/naverpay_adapter'
import { kakaopayAdapter } from '#payments/adapters/kakaopay_adapter'
import { paypalAdapter } from '#payments/adapters/paypal_adapter'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingConfig } from '#shipping/define_config'
import type { StripeServer } from '#tests/fixtures/servers/stripe_server'
import type { TossServer } from '#tests/fixtures/servers/toss_server'
import type { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import type { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import { createListing, setPolicy } from '#tests/helpers/commerce'
import {
  NAVERPAY_FIXTURE_KEYS,
  type NaverPayFixtureServer,
} from '#tests/fixtures/servers/naverpay_server'

/**
 * The shop's address in the absolute return URLs of functional tests, which
 * only parse them (nothing listens there); browser tests use serverUrl().
 */
export const SHOP_URL = 'http://127.0.0.1:3334'

/** What the group needs to point payments at local provider servers. */
export interface LocalProviders {
  /** Adapters swapped in over the configured ones, e.g. `{ stripe: localStripe(stripe) }`. */
  adapters: Record<string, PaymentAdapterFactory>
  /** The started local provider servers, closed when the group ends. */
  servers: { close(): Promise<unknown> }[]
  /** `app.appUrl` for the group: providers need absolute return URLs (APP_URL in production). */
  appUrl?: string
  /** Origins the payment pages may use (the CSP), over the configured ones. */
  pageOrigins?: Partial<PageOrigins>
}

/**
 * Swaps PaymentManager for the group for one with the given adapters (and
 * sets `app.appUrl` and `payments.pageOrigins` if asked); the group's
 * teardown restores all of it and closes the servers.
 */
export function useLocalProviders(group: Group, options: LocalProviders) {
  group.setup(() => {
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    const origins = payments.pageOrigins
    if (options.appUrl) config.set('app.appUrl', options.appUrl)
    if (options.pageOrigins) {
      config.set('payments.pageOrigins', { ...origins, ...options.pageOrigins })
    }
    app.container.swap(PaymentManager, () => {
      return new PaymentManager({
        ...payments,
        adapters: { ...payments.adapters, ...options.adapters },
      })
    })
    return async () => {
      app.container.restore(PaymentManager)
      config.set('app.appUrl', appUrl)
      config.set('payments.pageOrigins', origins)
      await Promise.all(options.servers.map((server) => server.close()))
    }
  })
}

/**
 * Points the `stripe` adapter at a local Stripe for the group and closes it
 * after (the webhook and refund tests need nothing else).
 */
export function useLocalStripe(group: Group, stripe: StripeServer) {
  useLocalProviders(group, { servers: [stripe], adapters: { stripe: localStripe(stripe) } })
}

/**
 * The shop sells in US dollars for the group, shipping included: PayPal
 * does not take KRW. Restored when the group ends.
 */
export function useDollarStore(group: Group) {
  group.setup(() => {
    const shipping = config.get<ShippingConfig>('shipping')
    const currency = config.get<string>('store.currency')
    config.set('store.currency', 'USD')
    const registry = () => new ShippingRegistry({ ...shipping, currency: 'USD' })
    app.container.swap(ShippingRegistry, registry)
    return () => {
      app.container.restore(ShippingRegistry)
      config.set('store.currency', currency)
    }
  })
}

/** A listing priced in US dollars ($100.00, $5.00 shipping), for a useDollarStore group. */
export async function dollarListing() {
  const listing = await createListing({ price: 10_000, stock: 5 })
  await listing.product.merge({ currency: 'USD' }).save()
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 500 })
  return listing
}

/**
 * The Stripe adapter on a started local Stripe, Stripe.js included; no SDK
 * retries, so one simulated outage is one failed call.
 */
export function localStripe(server: StripeServer) {
  return stripeAdapter({
    secretKey: server.secretKey,
    publishableKey: server.publishableKey,
    webhookSecret: server.webhookSecret,
    apiUrl: server.url,
    jsUrl: `${server.url}/v3/`,
    maxNetworkRetries: 0,
  })
}

/** The Toss adapter on a started local Toss (API, SDK and window). */
export function localToss(server: TossServer) {
  return tossAdapter({
    clientKey: server.clientKey,
    secretKey: server.secretKey,
    apiUrl: server.url,
    jsUrl: `${server.url}/v2/standard`,
  })
}

/** The NaverPay adapter on a started local NaverPay, with the fixture's merchant keys. */
export function localNaverPay(server: NaverPayFixtureServer) {
  return naverPayAdapter({
    ...NAVERPAY_FIXTURE_KEYS,
    apiUrl: server.url,
    jsUrl: `${server.url}/sdk/js/naverpay.min.js`,
  })
}

/** The KakaoPay adapter on a started local KakaoPay, with the test CID. */
export function localKakaoPay(server: KakaoPayServer) {
  return kakaopayAdapter({ secretKey: server.secretKey, cid: 'TC0ONETIME', apiUrl: server.url })
}

/** The PayPal adapter on a started local PayPal, for a shop selling in US dollars. */
export function localPayPal(server: PayPalServer) {
  return paypalAdapter({
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    webhookId: server.webhookId,
    apiUrl: server.url,
    currency: 'USD',
  })
}

/** POSTs a provider's webhook delivery (its raw body and headers) to /webhooks/:adapter. */
export function deliverWebhook(
  client: ApiClient,
  adapter: string,
  rawBody: string,
  headers: Record<string, string> = {}
) {
  return client
    .post(`/webhooks/${adapter}`)
    .headers(headers)
    .type('application/json')
    .unsafeJson(rawBody)
}

/** Delivers a signed Stripe event (from `signedEvent`) the way Stripe POSTs it. */
export function deliverStripeEvent(
  client: ApiClient,
  event: { rawBody: string; signature: string }
) {
  return deliverWebhook(client, 'stripe', event.rawBody, { 'stripe-signature': event.signature })
}

/** The path of an absolute URL a provider redirects the shopper to. */
export function pathOf(url: string) {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/** Where the checkout sent the shopper, for a provider whose payment starts with a redirect. */
export function redirectUrl(payment: Payment) {
  if (payment.nextAction?.type !== 'redirect') {
    throw new Error(`The ${payment.adapter} payment does not start with a redirect`)
  }
  return payment.nextAction.url
}

/** The JSON a payment page hands its provider's SDK in a data attribute (HTML-escaped). */
export function sdkRequest(html: string, attribute: string): Record<string, unknown> {
  const value = html.match(new RegExp(`${attribute}="([^"]*)"`))?.[1] ?? '{}'
  const text = value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
  return JSON.parse(text)
}

/**
 * A card the customer saved with the test-card sandbox, stored the way a
 * checkout with "save" keeps it (created and last used when told).
 */
export async function savedTestCard(
  user: User,
  cardNumber: string,
  dates: { createdAt?: DateTime; lastUsedAt?: DateTime } = {}
) {
  const manager = await app.container.make(PaymentManager)
  const saved = await manager.use('test_card').savePaymentMethod!({
    idempotencyKey: `save:${user.id}:${cardNumber}`,
    customer: { email: user.email },
    params: { cardNumber, expiry: '12/34', cvc: '123' },
  })
  return SavedPaymentMethod.create({
    userId: user.id,
    adapter: 'test_card',
    providerCustomerId: saved.providerCustomerId,
    providerMethodId: saved.providerMethodId,
    brand: saved.summary.brand,
    lastFour: saved.summary.last4,
    expiresAt: saved.summary.expiresAt,
    createdAt: dates.createdAt,
    lastUsedAt: dates.lastUsedAt ?? null,
  })
}
