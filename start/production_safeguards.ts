import type { ApplicationService } from '@adonisjs/core/types'

/** The account .env.example and config/payments.ts ship with; never a shop's. */
export const EXAMPLE_BANK_ACCOUNT = {
  bankName: '장터은행',
  accountNumber: '000-000-000000',
  accountHolder: '장터',
}

type Env = (typeof import('#start/env'))['default']
type Check = (env: Env) => string | null

const secretOf = (env: Env, key: 'STRIPE_SECRET_KEY' | 'TOSS_SECRET_KEY') =>
  env.get(key)?.release() ?? ''

/**
 * Settings that are fine for a demo and dangerous in a shop that takes real
 * orders: each entry reads its variables and answers what is wrong with them,
 * naming the variable to change, or null. Sandbox providers are allowed with
 * PAYMENTS_SANDBOX=true (a staging shop); the rest never are.
 */
const ALWAYS: Check[] = [
  (env) =>
    env.get('TEST_CARD_ENABLED', true)
      ? 'TEST_CARD_ENABLED is on: the test card approves any order paid with 4242 4242 4242 4242. Set TEST_CARD_ENABLED=false.'
      : null,
  (env) =>
    env.get('BANK_TRANSFER_ACCOUNT_NUMBER', EXAMPLE_BANK_ACCOUNT.accountNumber) ===
    EXAMPLE_BANK_ACCOUNT.accountNumber
      ? `BANK_TRANSFER_ACCOUNT_NUMBER is the example account (${EXAMPLE_BANK_ACCOUNT.accountNumber}): set the shop's own BANK_TRANSFER_BANK_NAME, BANK_TRANSFER_ACCOUNT_NUMBER and BANK_TRANSFER_ACCOUNT_HOLDER.`
      : null,
  (env) =>
    env.get('SMTP_HOST')
      ? null
      : 'SMTP_HOST is not set: order and password mails would never leave. Set SMTP_HOST (and SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD).',
  (env) => {
    const secret = stripeMode(secretOf(env, 'STRIPE_SECRET_KEY'))
    const publishable = stripeMode(env.get('STRIPE_PUBLISHABLE_KEY') ?? '')
    if (!secret || !publishable || secret === publishable) return null
    return `STRIPE_SECRET_KEY is a ${secret} key but STRIPE_PUBLISHABLE_KEY is a ${publishable} key: use both keys of the same mode from one Stripe account.`
  },
]

const SANDBOX: Check[] = [
  (env) =>
    stripeMode(secretOf(env, 'STRIPE_SECRET_KEY')) === 'test'
      ? 'STRIPE_SECRET_KEY is a Stripe test key (sk_test_…)'
      : null,
  (env) =>
    stripeMode(env.get('STRIPE_PUBLISHABLE_KEY') ?? '') === 'test'
      ? 'STRIPE_PUBLISHABLE_KEY is a Stripe test key (pk_test_…)'
      : null,
  (env) =>
    env.get('TOSS_CLIENT_KEY')?.startsWith('test_')
      ? 'TOSS_CLIENT_KEY is a Toss Payments test key (test_ck_…)'
      : null,
  (env) =>
    secretOf(env, 'TOSS_SECRET_KEY').startsWith('test_')
      ? 'TOSS_SECRET_KEY is a Toss Payments test key (test_sk_…)'
      : null,
  (env) =>
    providerOn(env, 'PAYPAL_CLIENT_ID', 'PAYPAL_CLIENT_SECRET', 'PAYPAL_WEBHOOK_ID') &&
    env.get('PAYPAL_ENVIRONMENT', 'sandbox') === 'sandbox'
      ? 'PAYPAL_ENVIRONMENT is sandbox (the default): set PAYPAL_ENVIRONMENT=live'
      : null,
  (env) =>
    providerOn(env, 'KAKAOPAY_SECRET_KEY') &&
    /^TC/i.test(env.get('KAKAOPAY_CID', 'TC0ONETIME').trim())
      ? `KAKAOPAY_CID is KakaoPay's test CID (${env.get('KAKAOPAY_CID', 'TC0ONETIME')}): set the CID KakaoPay gave the shop`
      : null,
  (env) =>
    providerOn(env, 'NAVERPAY_PARTNER_ID', 'NAVERPAY_CLIENT_ID', 'NAVERPAY_CLIENT_SECRET') &&
    env.get('NAVERPAY_MODE') !== 'production'
      ? 'NAVERPAY_MODE is development (the default): set NAVERPAY_MODE=production'
      : null,
]

/** `live` or `test` for a Stripe key (sk_, pk_ or restricted rk_), null for anything else. */
function stripeMode(key: string): 'live' | 'test' | null {
  return /^(sk|pk|rk)_(live|test)_/.exec(key)?.[2] as 'live' | 'test' | null
}

function providerOn(env: Env, ...keys: Parameters<Env['get']>[0][]) {
  return keys.some((key) => Boolean(env.get(key)))
}

/** What is unsafe about this environment for a production shop, one line per variable. */
export function unsafeProductionSettings(env: Env): string[] {
  const problems = ALWAYS.map((check) => check(env))
  if (!env.get('PAYMENTS_SANDBOX', false)) {
    problems.push(
      ...SANDBOX.map((check) => {
        const problem = check(env)
        return problem && `${problem}, or PAYMENTS_SANDBOX=true for a sandbox shop.`
      })
    )
  }
  return problems.filter((problem): problem is string => problem !== null)
}

/**
 * Stops a production web server or queue worker at start on unsafe settings,
 * listing every one of them, instead of letting it take orders.
 */
export async function assertSafeForProduction(app: ApplicationService) {
  if (!app.inProduction) return
  const { default: env } = await import('#start/env')
  const problems = unsafeProductionSettings(env)
  if (!problems.length) return
  throw new Error(
    `Refusing to start in production with unsafe settings:\n${problems.map((line) => `  - ${line}`).join('\n')}`
  )
}

/** Makes `node ace queue:work` refuse to start on the settings the web server refuses. */
export async function guardUnsafeProductionWorkers(app: ApplicationService) {
  const ace = await app.container.make('ace')
  ace.executing(async (command, isMainCommand) => {
    const name = (command.constructor as { commandName?: string }).commandName
    if (!isMainCommand || name !== 'queue:work') return
    try {
      await assertSafeForProduction(app)
    } catch (error) {
      // A worker "stays alive": ace neither ends the app nor sets the exit code for it.
      command.exitCode = 1
      await app.terminate()
      throw error
    }
  })
}
