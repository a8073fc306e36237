import { test } from '@japa/runner'
import Stripe from 'stripe'
import { stripeAdapter } from '#payments/adapters/stripe_adapter'
import {
  InvalidWebhookSignatureException,
  PaymentAdapterMisconfiguredException,
  PaymentMethodRejectedException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'
import { stripeKit } from './stripe_kit.js'

const server = await startStripeServer()

const { options, create, payInBrowser, pay, intentsOf } = stripeKit(server)

paymentAdapterSuite({
  test,
  name: 'stripe',
  create: () => create(),
  scenario: {
    approve: ({ session }) => payInBrowser(session, 'pm_card_visa'),
    decline: ({ session }) => payInBrowser(session, 'pm_card_chargeDeclined'),
    savedMethod: {
      approve: { paymentMethod: 'pm_card_visa' },
      decline: { paymentMethod: 'pm_card_chargeCustomerFail' },
    },
    webhook: ({ session }) => {
      const { rawBody, signature } = server.signedEvent(
        'payment_intent.succeeded',
        session.providerReference
      )
      return { rawBody, headers: { 'stripe-signature': signature } }
    },
  },
})

test.group('Payment adapters | stripe protocol', (group) => {
  group.teardown(() => server.close())

  test('a retried initiate, charge and refund moves money once on Stripe', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput()
    await adapter.initiate(input)
    await adapter.initiate(input)
    assert.lengthOf(intentsOf(input.attemptId), 1)

    const saved = await adapter.savePaymentMethod({
      idempotencyKey: `${input.attemptId}:save`,
      customer: input.customer,
      params: { paymentMethod: 'pm_card_visa' },
    })
    const charge = { ...input, ...saved, idempotencyKey: `${input.attemptId}:charge` }
    assert.deepEqual(
      await adapter.chargeSavedMethod(charge),
      await adapter.chargeSavedMethod(charge)
    )
    const charged = intentsOf(input.attemptId).filter((intent) => intent.status === 'succeeded')
    assert.lengthOf(charged, 1)

    const refund = {
      ...input,
      idempotencyKey: `${input.attemptId}:refund:1`,
      providerReference: charged[0].id,
      amount: 2_000,
      reason: 'requested_by_customer',
    }
    assert.deepEqual(await adapter.refund(refund), await adapter.refund(refund))
    assert.equal(server.state.charges.get(charged[0].latest_charge)!.amount_refunded, 2_000)
  })

  test('declines a refund above what is left, with Stripe’s code', async ({ assert }) => {
    const { adapter, input, result } = await pay('pm_card_visa')
    const refund = (amount: number, n: number) =>
      adapter.refund({
        ...input,
        idempotencyKey: `${input.attemptId}:refund:${n}`,
        providerReference: result.status === 'captured' ? result.providerReference : '',
        amount,
        reason: 'requested_by_customer',
      })
    assert.containsSubset(await refund(10_000, 1), { status: 'refunded', amount: 10_000 })
    const over = await refund(input.amount, 2)
    assert.containsSubset(over, { status: 'declined', code: 'amount_too_large' })
    const intent = server.state.intents.get(
      result.status === 'captured' ? result.providerReference : ''
    )!
    assert.equal(server.state.charges.get(intent.latest_charge)!.amount_refunded, 10_000)
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE when Stripe answers 500', async ({ assert }) => {
    server.failNext(1)
    await assert.rejects(
      () => create().initiate(initiateInput()),
      PaymentProviderUnavailableException
    )
  })

  test('the SDK retries a 500 with the same idempotency key and charges once', async ({
    assert,
  }) => {
    const input = initiateInput()
    server.failNext(1)
    const session = await create({ maxNetworkRetries: 1 }).initiate(input)
    assert.equal(session.type, 'client_confirmation')
    assert.lengthOf(intentsOf(input.attemptId), 1)
  })

  test('reports the amount Stripe received, even when it differs from the order', async ({
    assert,
  }) => {
    const { session, confirm } = await pay('pm_card_visa')
    server.state.intents.get(session.providerReference)!.amount_received = 9_900
    assert.containsSubset(await confirm(), { status: 'captured', amount: 9_900, currency: 'KRW' })
  })

  test('returns the card brand, last four digits and expiry, never the number', async ({
    assert,
  }) => {
    const { result } = await pay('pm_card_mastercard', { capture: 'manual' })
    assert.containsSubset(result, {
      status: 'authorized',
      method: { brand: 'mastercard', last4: '4444', expiresAt: '2034-12' },
    })
  })

  test('declines with the issuer’s decline code and message', async ({ assert }) => {
    const { result } = await pay('pm_card_chargeDeclinedInsufficientFunds')
    assert.containsSubset(result, {
      status: 'declined',
      code: 'insufficient_funds',
      reason: 'Your card has insufficient funds.',
    })
  })

  test('asks for 3-D Secure, then captures once the shopper authenticated', async ({ assert }) => {
    const { result, confirm } = await pay('pm_card_authenticationRequired')
    assert.equal(result.status, 'requires_action')
    if (result.status !== 'requires_action') return
    const challenge = await fetch(result.redirectUrl)
    assert.include(await challenge.text(), 'Complete authentication')
    const back = await server.authenticate(result.providerReference, 'complete')
    assert.include(back, 'redirect_status=succeeded')
    assert.containsSubset(await confirm(), {
      status: 'captured',
      amount: 12_900,
      method: { brand: 'visa', last4: '3184' },
    })
  })

  test('declines a return that names another attempt’s PaymentIntent', async ({ assert }) => {
    const { adapter, session } = await pay('pm_card_visa')
    const other = initiateInput()
    const result = await adapter.confirm({
      ...other,
      providerReference: session.providerReference,
      params: {},
    })
    assert.containsSubset(result, { status: 'declined', code: 'attempt_mismatch' })
  })

  test('refuses a card Stripe will not save', async ({ assert }) => {
    await assert.rejects(
      () =>
        create().savePaymentMethod({
          idempotencyKey: `save-${Date.now()}`,
          customer: { email: 'a@b.kr' },
          params: { paymentMethod: 'pm_card_chargeDeclined' },
        }),
      PaymentMethodRejectedException
    )
  })

  test('maps a signed refund webhook; refuses a bad signature, or one stale or from the future', async ({
    assert,
  }) => {
    const adapter = create()
    const { session } = await pay('pm_card_visa')
    const { rawBody, signature } = server.signedEvent('charge.refunded', session.providerReference)
    const event = await adapter.parseWebhook({
      rawBody,
      headers: { 'stripe-signature': signature },
    })
    assert.containsSubset(event, {
      type: 'refund.succeeded',
      providerReference: session.providerReference,
    })
    const forged = signature.replace(/v1=\w+/, `v1=${'0'.repeat(64)}`)
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: rawBody,
      secret: server.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    })
    const early = Stripe.webhooks.generateTestHeaderString({
      payload: rawBody,
      secret: server.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) + 600,
    })
    for (const header of [forged, stale, early, '']) {
      await assert.rejects(
        () => adapter.parseWebhook({ rawBody, headers: { 'stripe-signature': header } }),
        InvalidWebhookSignatureException
      )
    }
  })

  test('names the environment variable of a missing or malformed key', ({ assert }) => {
    const cases = {
      secretKey: 'STRIPE_SECRET_KEY',
      publishableKey: 'STRIPE_PUBLISHABLE_KEY',
      webhookSecret: 'STRIPE_WEBHOOK_SECRET',
      apiUrl: 'STRIPE_API_URL',
      jsUrl: 'STRIPE_JS_URL',
    }
    for (const [option, envKey] of Object.entries(cases)) {
      assert.throws(() => stripeAdapter(options({ [option]: 'nope' })), new RegExp(envKey))
    }
    assert.throws(() => stripeAdapter({}), PaymentAdapterMisconfiguredException)
    assert.equal(create().jsUrl, 'https://js.stripe.com/v3/')
    assert.equal(create({ jsUrl: `${server.url}/v3/` }).jsUrl, `${server.url}/v3/`)
  })
})
