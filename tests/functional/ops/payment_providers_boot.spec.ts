import { test } from '@japa/runner'
import { runNode, sqliteEnv } from '#tests/helpers/processes'

/** Starts the HTTP server with these provider keys on top of a valid environment. */
function boot(keys: Record<string, string>) {
  const env = { ...sqliteEnv('tmp/provider-boot-never-created.sqlite3', 'development'), ...keys }
  return runNode(['--import=@poppinss/ts-exec', 'bin/server.ts'], env)
}

/*
 * A provider is switched on by setting any of its keys; one that is half
 * configured stops the server at start with the missing key's name, instead
 * of failing a customer's checkout later.
 */
test.group('Ops | payment providers are checked at boot', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['Stripe', { STRIPE_SECRET_KEY: 'sk_test_boot' }, 'STRIPE_PUBLISHABLE_KEY'],
    [
      'Stripe',
      { STRIPE_SECRET_KEY: 'sk_test_boot', STRIPE_PUBLISHABLE_KEY: 'pk_test_boot' },
      'STRIPE_WEBHOOK_SECRET',
    ],
    [
      'PayPal',
      { PAYPAL_CLIENT_ID: 'client', PAYPAL_CLIENT_SECRET: 'secret', PAYPAL_WEBHOOK_ID: 'WH-1' },
      'STORE_CURRENCY',
    ],
    ['PayPal', { PAYPAL_CLIENT_ID: 'client' }, 'PAYPAL_CLIENT_SECRET'],
    ['Toss Payments', { TOSS_CLIENT_KEY: 'test_ck_boot' }, 'TOSS_SECRET_KEY'],
    ['NaverPay', { NAVERPAY_CLIENT_ID: 'client' }, 'NAVERPAY_PARTNER_ID'],
    ['KakaoPay', { KAKAOPAY_SECRET_KEY: 'DEV_boot', KAKAOPAY_CID: ' ' }, 'KAKAOPAY_CID'],
  ]

  for (const [provider, keys, missing] of cases) {
    test(`${provider} with ${Object.keys(keys).join(', ')} names ${missing}`, async ({
      assert,
    }) => {
      const result = await boot(keys)
      assert.notEqual(result.code, 0, result.output)
      assert.include(result.output, 'PaymentAdapterMisconfiguredException')
      assert.include(result.output, missing)
    }).timeout(60_000)
  }
})
