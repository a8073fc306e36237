import { createHmac } from 'node:crypto'
import env from '#start/env'
import { adapters, defineConfig } from '#payments/define_config'
import { paymentPageOrigins } from '#payments/page_origins'
import { kakaopayAdapter } from '#payments/adapters/kakaopay_adapter'
import { stripeAdapter } from '#payments/adapters/stripe_adapter'
import { paypalAdapter } from '#payments/adapters/paypal_adapter'
import { tossAdapter } from '#payments/adapters/toss_adapter'
import { naverPayAdapter } from '#payments/adapters/naverpay_adapter'
import { providerEnabled, secret } from '#payments/env_keys'
import { EXAMPLE_BANK_ACCOUNT } from '#start/production_safeguards'

/** The sandbox's own key unless TEST_CARD_SECRET is set, so it never equals APP_KEY. */
const testCardSecret =
  env.get('TEST_CARD_SECRET')?.release() ??
  createHmac('sha256', env.get('APP_KEY').release()).update('jangteo:test_card').digest('hex')

/**
 * The payment methods the checkout offers, keyed by adapter code. Each entry
 * is a factory: options are checked at boot, the adapter is built on first use.
 * A plugin or the shop's own code adds an entry the same way:
 *
 *   my_pg: () => new MyPgAdapter({ apiKey: env.get('MY_PG_API_KEY') }),
 */
export default defineConfig({
  default: 'bank_transfer',
  pageOrigins: paymentPageOrigins(),
  adapters: {
    bank_transfer: adapters.bankTransfer({
      bankName: env.get('BANK_TRANSFER_BANK_NAME', EXAMPLE_BANK_ACCOUNT.bankName),
      accountNumber: env.get('BANK_TRANSFER_ACCOUNT_NUMBER', EXAMPLE_BANK_ACCOUNT.accountNumber),
      accountHolder: env.get('BANK_TRANSFER_ACCOUNT_HOLDER', EXAMPLE_BANK_ACCOUNT.accountHolder),
    }),
    ...(env.get('TEST_CARD_ENABLED', true)
      ? { test_card: adapters.testCard({ secret: testCardSecret }) }
      : {}),
    // Each provider is switched on by setting any of its keys (app/payments/env_keys.ts);
    // a missing one then stops the boot with its name.
    ...(providerEnabled('stripe')
      ? {
          stripe: stripeAdapter({
            secretKey: secret('STRIPE_SECRET_KEY'),
            publishableKey: env.get('STRIPE_PUBLISHABLE_KEY'),
            webhookSecret: secret('STRIPE_WEBHOOK_SECRET'),
            apiUrl: env.get('STRIPE_API_URL'),
            jsUrl: env.get('STRIPE_JS_URL'),
          }),
        }
      : {}),
    // PayPal (Orders v2). PayPal does not take KRW: with a STORE_CURRENCY it
    // does not take, the server refuses to start.
    ...(providerEnabled('paypal')
      ? {
          paypal: paypalAdapter({
            clientId: env.get('PAYPAL_CLIENT_ID'),
            clientSecret: secret('PAYPAL_CLIENT_SECRET'),
            webhookId: env.get('PAYPAL_WEBHOOK_ID'),
            environment: env.get('PAYPAL_ENVIRONMENT', 'sandbox'),
            apiUrl: env.get('PAYPAL_API_URL'),
            currency: env.get('STORE_CURRENCY', 'KRW'),
          }),
        }
      : {}),
    // 토스페이먼츠: card payments through its window, and billing keys for one-click.
    ...(providerEnabled('toss')
      ? {
          toss: tossAdapter({
            clientKey: env.get('TOSS_CLIENT_KEY'),
            secretKey: secret('TOSS_SECRET_KEY'),
            apiUrl: env.get('TOSS_API_URL'),
            jsUrl: env.get('TOSS_JS_URL'),
          }),
        }
      : {}),
    // 카카오페이: the CID defaults to the test CID.
    ...(providerEnabled('kakaopay')
      ? {
          kakaopay: kakaopayAdapter({
            secretKey: secret('KAKAOPAY_SECRET_KEY'),
            cid: env.get('KAKAOPAY_CID', 'TC0ONETIME'),
            apiUrl: env.get('KAKAOPAY_API_URL'),
          }),
        }
      : {}),
    // 네이버페이: development mode unless NAVERPAY_MODE=production.
    ...(providerEnabled('naverpay')
      ? {
          naverpay: naverPayAdapter({
            partnerId: env.get('NAVERPAY_PARTNER_ID'),
            clientId: env.get('NAVERPAY_CLIENT_ID'),
            clientSecret: secret('NAVERPAY_CLIENT_SECRET'),
            chainId: env.get('NAVERPAY_CHAIN_ID'),
            mode: env.get('NAVERPAY_MODE'),
            apiUrl: env.get('NAVERPAY_API_URL'),
            jsUrl: env.get('NAVERPAY_JS_URL'),
          }),
        }
      : {}),
  },
})
