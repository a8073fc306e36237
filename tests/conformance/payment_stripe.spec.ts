import { test } from '@japa/runner'
import Stripe from 'stripe'
import { StripeAdapter, type StripeOptions, stripeAdapter } from '#payments/adapters/stripe_adapter'
import {
  InvalidWebhookSignatureException,
  PaymentAdapterMisconfiguredException,
  PaymentMethodRejectedException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type { PaymentCustomer, PaymentSession } from '#payments/types'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'

const server = await startStripeServer()

const options = (overrides: Partial<StripeOptions> = {}): StripeOptions => ({
  secretKey: server.secretKey,
  publishableKey: server.publishableKey,
  webhookSecret: server.webhookSecret,
  apiUrl: server.url,
  maxNetworkRetries: 0,
  ...overrides,
})
const create = (overrides: Partial<StripeOptions> = {}) => new StripeAdapter(options(overrides))

/** The shopper pays with Stripe.js; Stripe then returns them with these params. */
async function payInBrowser(session: PaymentSession, paymentMethod: string) {
  await server.confirmInBrowser(session.providerReference, paymentMethod)
  const intent = server.state.intents.get(session.providerReference)!
  return {
    payment_intent: session.providerReference,
    payment_intent_client_secret:
      session.type === 'client_confirmation' ? session.clientSecret : '',
    redirect_status:
      intent.status === 'succeeded' || intent.status === 'requires_capture'
        ? 'succeeded'
        : 'failed',
  }
}

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

/** Initiates a payment and has the shopper confirm it with a Stripe test payment method. */
async function pay(paymentMethod: string, capture: 'automatic' | 'manual' = 'automatic') {
  const adapter = create()
  const input = initiateInput({ capture })
  const session = await adapter.initiate(input)
  const params = await payInBrowser(session, paymentMethod)
  const confirm = () =>
    adapter.confirm({
      ...input,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: session.providerReference,
      params,
    })
  return { adapter, input, session, confirm, result: await confirm() }
}

const intentsOf = (attemptId: string) =>
  [...server.state.intents.values()].filter((intent) => intent.metadata.attempt_id === attemptId)

/** A payment whose card the shopper asked to keep, paid with Stripe.js. */
async function payAndSave(paymentMethod: string, customer?: PaymentCustomer) {
  const adapter = create()
  const input = initiateInput({ saveMethod: true })
  input.customer = customer ?? { email: `${input.attemptId}@example.com`, name: '김장터' }
  const session = await adapter.initiate(input)
  const params = await payInBrowser(session, paymentMethod)
  const confirm = () =>
    adapter.confirm({
      ...input,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: session.providerReference,
      params,
    })
  return { adapter, input, session, confirm, result: await confirm() }
}

/** An off-session charge of a saved card, as one-click checkout makes it. */
function chargeSaved(saved: { providerMethodId: string; providerCustomerId: string }) {
  const input = initiateInput()
  return create().chargeSavedMethod({ ...input, ...saved, idempotencyKey: input.attemptId })
}

const customersOf = (email: string) =>
  [...server.state.customers.values()].filter((customer) => customer.email === email)

test.group('Payment adapters | stripe saved cards', () => {
  test('a payment to save is made for a new Customer, once, set up for off-session use', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput({ saveMethod: true })
    input.customer = { email: `${input.attemptId}@example.com` }
    await adapter.initiate(input)
    await adapter.initiate(input)
    const intents = intentsOf(input.attemptId)
    assert.lengthOf(intents, 1)
    assert.lengthOf(customersOf(input.customer.email), 1)
    assert.equal(intents[0].customer, customersOf(input.customer.email)[0].id)
    assert.equal(intents[0].setup_future_usage, 'off_session')
  })

  test('does not keep a card the shopper did not ask to save', async ({ assert }) => {
    const { result, session } = await pay('pm_card_visa')
    assert.equal(result.status, 'captured')
    assert.notProperty(result, 'savedMethod')
    const intent = server.state.intents.get(session.providerReference)!
    assert.isNull(intent.customer)
    assert.isNull(intent.setup_future_usage)
  })

  test('returns the saved card with the payment, then charges it in one click', async ({
    assert,
  }) => {
    const { result, session } = await payAndSave('pm_card_visa')
    const intent = server.state.intents.get(session.providerReference)!
    assert.containsSubset(result, {
      status: 'captured',
      savedMethod: {
        providerMethodId: intent.payment_method,
        providerCustomerId: intent.customer,
        summary: { brand: 'visa', last4: '4242', expiresAt: '2034-12' },
      },
    })
    assert.equal(server.state.methods.get(intent.payment_method)!.customer, intent.customer)
    if (result.status !== 'captured' || !result.savedMethod) return
    assert.containsSubset(await chargeSaved(result.savedMethod), {
      status: 'captured',
      amount: 12_900,
    })

    // The next card the shopper saves goes to the Customer they already have.
    const existing = { email: 'saver@example.com', providerCustomerId: intent.customer }
    const before = server.state.customers.size
    const again = await payAndSave('pm_card_mastercard', existing)
    assert.equal(server.state.customers.size, before)
    assert.containsSubset(again.result, {
      savedMethod: { providerCustomerId: intent.customer, summary: { last4: '4444' } },
    })
  })

  test('a signed webhook of a saved payment names the card it kept', async ({ assert }) => {
    const { session, result } = await payAndSave('pm_card_visa')
    const { rawBody, signature } = server.signedEvent(
      'payment_intent.succeeded',
      session.providerReference
    )
    const event = await create().parseWebhook({
      rawBody,
      headers: { 'stripe-signature': signature },
    })
    assert.equal(event.type, 'payment.captured')
    assert.deepEqual(event.savedMethod, result.status === 'captured' ? result.savedMethod : null)
  })

  test('a card authenticated when it was saved is charged off-session without 3-D Secure', async ({
    assert,
  }) => {
    const { session, result, confirm } = await payAndSave('pm_card_authenticationRequiredOnSetup')
    assert.equal(result.status, 'requires_action')
    await server.authenticate(session.providerReference, 'complete')
    const paid = await confirm()
    assert.containsSubset(paid, { status: 'captured', savedMethod: { summary: { last4: '3155' } } })
    if (paid.status !== 'captured' || !paid.savedMethod) return
    assert.containsSubset(await chargeSaved(paid.savedMethod), { status: 'captured' })
  })

  test('a saved card that asks for authentication every time is declined off-session', async ({
    assert,
  }) => {
    const { session, confirm } = await payAndSave('pm_card_authenticationRequired')
    await server.authenticate(session.providerReference, 'complete')
    const paid = await confirm()
    if (paid.status !== 'captured' || !paid.savedMethod) return assert.fail('not saved')
    assert.containsSubset(await chargeSaved(paid.savedMethod), {
      status: 'declined',
      code: 'authentication_required',
    })
  })

  test('a failed 3-D Secure challenge declines the payment', async ({ assert }) => {
    const { session, confirm } = await pay('pm_card_authenticationRequired')
    const back = await server.authenticate(session.providerReference, 'fail')
    assert.include(back, 'redirect_status=failed')
    assert.containsSubset(await confirm(), {
      status: 'declined',
      code: 'payment_intent_authentication_failure',
    })
  })

  test('a declined card’s failure event ends nothing: the intent waits for another card', async ({
    assert,
  }) => {
    const { adapter, session, confirm } = await pay('pm_card_chargeDeclined')
    const { rawBody, signature } = server.signedEvent(
      'payment_intent.payment_failed',
      session.providerReference
    )
    const event = await adapter.parseWebhook({
      rawBody,
      headers: { 'stripe-signature': signature },
    })
    assert.equal(event.type, 'other')
    await server.confirmInBrowser(session.providerReference, 'pm_card_visa')
    assert.containsSubset(await confirm(), { status: 'captured' })
  })

  test('detaches a saved card once, after which it cannot be charged', async ({ assert }) => {
    const { result } = await payAndSave('pm_card_visa')
    if (result.status !== 'captured' || !result.savedMethod) return assert.fail('not saved')
    const detach = { ...result.savedMethod, idempotencyKey: `detach-${Date.now()}` }
    await create().detachSavedMethod(detach)
    assert.isNull(server.state.methods.get(detach.providerMethodId)!.customer)
    await create().detachSavedMethod({ ...detach, idempotencyKey: `${detach.idempotencyKey}:2` })
    assert.containsSubset(await chargeSaved(result.savedMethod), { status: 'declined' })
  })

  test('refuses to detach the card of another Customer', async ({ assert }) => {
    const { result } = await payAndSave('pm_card_visa')
    if (result.status !== 'captured' || !result.savedMethod) return assert.fail('not saved')
    const { providerMethodId, providerCustomerId } = result.savedMethod
    await assert.rejects(
      () =>
        create().detachSavedMethod({
          providerMethodId,
          providerCustomerId: 'cus_someone_else',
          idempotencyKey: `detach-${Date.now()}`,
        }),
      PaymentMethodRejectedException
    )
    assert.equal(server.state.methods.get(providerMethodId)!.customer, providerCustomerId)
  })

  test('the publishable key only makes card methods and confirms with the client secret', async ({
    assert,
  }) => {
    const session = await create().initiate(initiateInput())
    const call = (path: string, body?: string) =>
      fetch(`${server.url}/v1/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'authorization': `Bearer ${server.publishableKey}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      })
    const intentPath = `payment_intents/${session.providerReference}`
    const read = await call(intentPath)
    const forged = await call(`${intentPath}/confirm`, 'client_secret=pi_x_secret_y')
    assert.deepEqual([read.status, forged.status], [401, 401])
    const card = 'type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=34'
    const method = await call('payment_methods', `${card}&card[cvc]=123`)
    const { id } = (await method.json()) as { id: string }
    const secret = session.type === 'client_confirmation' ? session.clientSecret : ''
    const confirmed = await call(
      `${intentPath}/confirm`,
      `payment_method=${id}&client_secret=${secret}`
    )
    assert.containsSubset(await confirmed.json(), { status: 'succeeded' })
  })
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
    const { result } = await pay('pm_card_mastercard', 'manual')
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

  test('maps a signed refund webhook and refuses a bad or stale signature', async ({ assert }) => {
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
    for (const header of [forged, stale, '']) {
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
