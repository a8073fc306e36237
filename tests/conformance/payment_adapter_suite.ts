import { randomUUID } from 'node:crypto'
import type { test as japaTest } from '@japa/runner'
import {
  InvalidWebhookSignatureException,
  PaymentOperationUnsupportedException,
} from '#payments/errors'
import type {
  InitiateInput,
  PaymentAdapter,
  PaymentResult,
  PaymentSession,
  WebhookInput,
} from '#payments/types'

type Params = Record<string, string>
type Capability = keyof PaymentAdapter['capabilities']

/** One started payment, handed to the scenario's hooks. */
export interface ScenarioContext {
  adapter: PaymentAdapter
  input: InitiateInput
  session: PaymentSession
}

/**
 * How the suite drives one adapter's provider, usually a local server that
 * speaks its protocol. `approve` and `decline` do what the shopper would on
 * the provider's side and return the params the return to the site carries
 * (card fields, pg_token, paymentKey …).
 */
export interface PaymentScenario {
  approve(context: ScenarioContext): Params | Promise<Params>
  /** Absent when the method has no decline at confirm time (bank transfer). */
  decline?(context: ScenarioContext): Params | Promise<Params>
  /**
   * Brings a `pending` confirm to its outcome as the provider or an admin
   * would (capture a received bank transfer, deliver the webhook …).
   */
  settle?(context: ScenarioContext & { pending: PaymentResult }): Promise<PaymentResult>
  /** Method params the provider saves; required when `capabilities.savedMethods`. */
  savedMethod?: { approve: Params; decline?: Params }
  /** A correctly signed webhook about a payment; required when `capabilities.webhooks`. */
  webhook?(context: ScenarioContext): WebhookInput | Promise<WebhookInput>
  /**
   * For providers that do not sign their webhooks (Toss's payment events):
   * the adapter verifies a delivery by fetching the payment and reports what
   * the provider answers. With this hook, `webhook` is called on a captured
   * payment and the signature test is replaced by these two deliveries.
   */
  webhookRefetch?: {
    /** A body claiming the payment was captured; the shopper only approved it in the window. */
    forged(context: ScenarioContext): WebhookInput | Promise<WebhookInput>
    /** A well-formed delivery about a payment the provider does not have. */
    unknown(context: ScenarioContext): WebhookInput | Promise<WebhookInput>
  }
}

const AMOUNT = 12_900
const CURRENCY = 'KRW'

/** A fresh payment attempt; ids are unique so a real provider sees new payments. */
export function initiateInput(overrides: Partial<InitiateInput> = {}): InitiateInput {
  const attemptId = `pa_${randomUUID()}`
  return {
    attemptId,
    idempotencyKey: `${attemptId}:initiate`,
    orderNumber: `JT-${attemptId.slice(3, 11).toUpperCase()}`,
    amount: AMOUNT,
    currency: CURRENCY,
    description: `Order JT-${attemptId.slice(3, 11).toUpperCase()}`,
    customer: { email: 'shopper@example.com', name: '김장터' },
    returnUrl: 'http://127.0.0.1:3333/checkout/return',
    cancelUrl: 'http://127.0.0.1:3333/checkout/cancel',
    capture: 'automatic',
    expiresAt: new Date(Date.now() + 3 * 24 * 3600 * 1000),
    ...overrides,
  }
}

/**
 * What every payment adapter must do, built-in or a plugin's: well-formed
 * sessions, exact integer amounts, declines as results, refunds, cancels,
 * idempotent retries, and capabilities that match the methods it has.
 */
export function paymentAdapterSuite(options: {
  test: typeof japaTest
  name: string
  create: () => PaymentAdapter
  scenario: PaymentScenario
  /** The amount and currency to pay with (KRW 12,900 unless the provider needs another). */
  money?: { amount: number; currency: string }
}) {
  const { test, create, scenario } = options
  const money = options.money ?? { amount: AMOUNT, currency: CURRENCY }
  const part = Math.floor(money.amount / 3)
  const lacks = (capability: Capability) => () => !create().capabilities[capability]

  async function start(adapter: PaymentAdapter, overrides: Partial<InitiateInput> = {}) {
    const input = initiateInput({ ...money, ...overrides })
    return { adapter, input, session: await adapter.initiate(input) }
  }

  async function confirm(context: ScenarioContext, params: Params): Promise<PaymentResult> {
    const { adapter, input, session } = context
    return adapter.confirm({
      attemptId: input.attemptId,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: session.providerReference,
      amount: input.amount,
      currency: input.currency,
      capture: input.capture,
      params,
    })
  }

  /** Initiate, approve, confirm, and settle when the provider answers later. */
  async function pay(capture: InitiateInput['capture']) {
    const context = await start(create(), { capture })
    let result = await confirm(context, await scenario.approve(context))
    if (result.status === 'pending') {
      if (!scenario.settle) throw new Error('confirm answered pending: give the scenario a settle')
      result = await scenario.settle({ ...context, pending: result })
    }
    return { ...context, result }
  }

  /** A payment captured at once, ready to refund. */
  async function captured() {
    const payment = await pay('automatic')
    const { status } = payment.result
    if (status !== 'captured') throw new Error(`expected captured, got ${status}`)
    return { ...payment, providerReference: payment.result.providerReference }
  }

  /** A hook the scenario must have for an adapter with this capability. */
  function needs<T>(hook: T | undefined, what: string): T {
    if (hook === undefined) throw new Error(`${options.name}: the scenario needs ${what}`)
    return hook
  }

  const refund = (payment: Awaited<ReturnType<typeof captured>>, amount: number, n = 1) =>
    payment.adapter.refund({
      attemptId: payment.input.attemptId,
      idempotencyKey: `${payment.input.attemptId}:refund:${n}`,
      providerReference: payment.providerReference,
      amount,
      currency: payment.input.currency,
      reason: 'requested_by_customer',
    })

  test.group(`Payment adapters | ${options.name}`, () => {
    test('declares a stable code, a Korean and English label, and its capabilities', ({
      assert,
    }) => {
      const adapter = create()
      assert.match(adapter.code, /^[a-z][a-z0-9_]*$/)
      assert.isNotEmpty(adapter.label.ko)
      assert.isNotEmpty(adapter.label.en)
      for (const capability of Object.values(adapter.capabilities)) assert.isBoolean(capability)
    })

    test('has an optional method exactly when its capability says so', ({ assert }) => {
      const adapter = create()
      const { webhooks, savedMethods, refunds, partialRefunds } = adapter.capabilities
      if (partialRefunds) assert.isTrue(refunds, 'partial refunds are refunds')
      assert.equal(typeof adapter.parseWebhook === 'function', webhooks, 'parseWebhook')
      assert.equal(typeof adapter.savePaymentMethod === 'function', savedMethods, 'save')
      assert.equal(typeof adapter.chargeSavedMethod === 'function', savedMethods, 'charge saved')
    })

    test('starts a payment with a session the shopper can act on', async ({ assert }) => {
      const { input, session } = await start(create())
      assert.isNotEmpty(session.providerReference)
      if (session.type === 'redirect') assert.isNotEmpty(session.url)
      else if (session.type === 'client_confirmation') assert.isNotEmpty(session.clientSecret)
      else if (session.type === 'instructions') {
        const { amount, currency, reference, dueAt } = session.instructions
        assert.deepEqual({ amount, currency }, { amount: input.amount, currency: input.currency })
        assert.isNotEmpty(reference)
        assert.instanceOf(dueAt, Date)
      } else assert.fail(`unknown session type ${JSON.stringify(session)}`)
    })

    test('captures exactly the amount asked, in integer minor units', async ({ assert }) => {
      const { input, result } = await pay('automatic')
      assert.equal(result.status, 'captured')
      if (result.status !== 'captured') return
      assert.isTrue(Number.isInteger(result.amount))
      assert.deepEqual([result.amount, result.currency], [input.amount, input.currency])
      assert.isNotEmpty(result.providerReference)
    })

    test('authorizes, then captures, when capture is manual', async ({ assert }) => {
      const { adapter, input, result } = await pay('manual')
      assert.equal(result.status, 'authorized')
      if (result.status !== 'authorized') return
      assert.deepEqual([result.amount, result.currency], [input.amount, input.currency])
      const capture = await adapter.capture({
        attemptId: input.attemptId,
        idempotencyKey: `${input.attemptId}:capture`,
        providerReference: result.providerReference,
        amount: input.amount,
        currency: input.currency,
      })
      assert.containsSubset(capture, { status: 'captured', amount: input.amount })
    }).skip(lacks('manualCapture'), 'no manual capture')

    test('reports a decline as a result with a code and a reason', async ({ assert }) => {
      const context = await start(create())
      const result = await confirm(context, await needs(scenario.decline, 'decline')(context))
      assert.equal(result.status, 'declined')
      if (result.status !== 'declined') return
      assert.isNotEmpty(result.code)
      assert.isNotEmpty(result.reason)
    }).skip(!scenario.decline, 'no decline at confirm')

    test('refunds part of a payment, then the rest', async ({ assert }) => {
      const payment = await captured()
      const first = await refund(payment, part, 1)
      const rest = await refund(payment, money.amount - part, 2)
      assert.include(['refunded', 'pending'], first.status)
      assert.include(['refunded', 'pending'], rest.status)
      if (first.status === 'declined' || rest.status === 'declined') return
      assert.notEqual(first.refundReference, rest.refundReference)
      if (first.status === 'refunded') assert.equal(first.amount, part)
      if (rest.status === 'refunded') assert.equal(rest.amount, money.amount - part)
    }).skip(lacks('partialRefunds'), 'no partial refunds')

    test('refunds a whole payment', async ({ assert }) => {
      const result = await refund(await captured(), money.amount)
      assert.include(['refunded', 'pending'], result.status)
      if (result.status === 'refunded') assert.equal(result.amount, money.amount)
    }).skip(lacks('refunds'), 'no refunds')

    test('refuses a refund with E_PAYMENT_OPERATION_UNSUPPORTED', async ({ assert }) => {
      await assert.rejects(
        async () => refund(await captured(), money.amount),
        PaymentOperationUnsupportedException
      )
    }).skip(() => create().capabilities.refunds, 'has refunds')

    test('cancels a payment that was started', async ({ assert }) => {
      const { adapter, input, session } = await start(create())
      const result = await adapter.cancel({
        attemptId: input.attemptId,
        idempotencyKey: `${input.attemptId}:cancel`,
        providerReference: session.providerReference,
        reason: 'abandoned',
      })
      assert.deepEqual(result, { status: 'canceled', providerReference: session.providerReference })
    })

    test('answers a retried idempotency key with the same result and references', async ({
      assert,
    }) => {
      const adapter = create()
      const input = initiateInput(money)
      assert.deepEqual(await adapter.initiate(input), await adapter.initiate(input))
      const context = { adapter, input, session: await adapter.initiate(input) }
      const params = await scenario.approve(context)
      assert.deepEqual(await confirm(context, params), await confirm(context, params))
      if (!adapter.capabilities.refunds) return
      const payment = await captured()
      assert.deepEqual(await refund(payment, 1_000, 7), await refund(payment, 1_000, 7))
    })

    test('accepts a correctly signed webhook and refuses a tampered one', async ({ assert }) => {
      const context = await start(create())
      const webhook = await needs(scenario.webhook, 'webhook')(context)
      const event = await context.adapter.parseWebhook!(webhook)
      assert.isNotEmpty(event.id)
      assert.isNotEmpty(event.type)
      assert.instanceOf(event.occurredAt, Date)
      await assert.rejects(
        () => context.adapter.parseWebhook!({ ...webhook, rawBody: `${webhook.rawBody} ` }),
        InvalidWebhookSignatureException
      )
    }).skip(() => lacks('webhooks')() || Boolean(scenario.webhookRefetch), 'no signed webhooks')

    test('reports a captured payment from a webhook it verified with the provider', async ({
      assert,
    }) => {
      const payment = await captured()
      const webhook = await needs(scenario.webhook, 'webhook')(payment)
      const event = await payment.adapter.parseWebhook!(webhook)
      assert.containsSubset(event, {
        type: 'payment.captured',
        providerReference: payment.providerReference,
        amount: money.amount,
        currency: money.currency,
      })
      assert.isNotEmpty(event.id)
      assert.instanceOf(event.occurredAt, Date)
    }).skip(!scenario.webhookRefetch, 'webhooks are not verified by fetching')

    test('never reports a capture that a forged webhook body claims', async ({ assert }) => {
      const context = await start(create())
      await scenario.approve(context)
      const forged = await needs(scenario.webhookRefetch, 'webhookRefetch').forged(context)
      const event = await context.adapter.parseWebhook!(forged).catch((error: unknown) => {
        assert.instanceOf(error, InvalidWebhookSignatureException)
        return null
      })
      if (event) assert.notInclude(['payment.captured', 'payment.authorized'], event.type)
    }).skip(!scenario.webhookRefetch, 'webhooks are not verified by fetching')

    test('refuses a webhook about a payment the provider does not have', async ({ assert }) => {
      const context = await start(create())
      const unknown = await needs(scenario.webhookRefetch, 'webhookRefetch').unknown(context)
      await assert.rejects(
        () => context.adapter.parseWebhook!(unknown),
        InvalidWebhookSignatureException
      )
    }).skip(!scenario.webhookRefetch, 'webhooks are not verified by fetching')

    test('saves a method and charges it in one click', async ({ assert }) => {
      const adapter = create()
      const input = initiateInput(money)
      const save = {
        idempotencyKey: `${input.attemptId}:save`,
        customer: input.customer,
        params: needs(scenario.savedMethod, 'savedMethod').approve,
      }
      const saved = await adapter.savePaymentMethod!(save)
      assert.deepEqual(await adapter.savePaymentMethod!(save), saved, 'idempotent')
      assert.isNotEmpty(saved.providerMethodId)
      assert.isNotEmpty(saved.providerCustomerId)
      assert.isNotEmpty(saved.summary.brand)
      const result = await adapter.chargeSavedMethod!({
        ...input,
        ...saved,
        idempotencyKey: `${input.attemptId}:charge`,
      })
      assert.equal(result.status, 'captured')
      if (result.status === 'captured') assert.equal(result.amount, input.amount)
    }).skip(lacks('savedMethods'), 'no saved methods')

    test('declines a charge on a saved method the provider refuses', async ({ assert }) => {
      const adapter = create()
      const input = initiateInput(money)
      const saved = await adapter.savePaymentMethod!({
        idempotencyKey: `${input.attemptId}:save`,
        customer: input.customer,
        params: needs(scenario.savedMethod?.decline, 'savedMethod.decline'),
      })
      const result = await adapter.chargeSavedMethod!({
        ...input,
        ...saved,
        idempotencyKey: `${input.attemptId}:charge`,
      })
      assert.equal(result.status, 'declined')
    }).skip(
      () => lacks('savedMethods')() || !scenario.savedMethod?.decline,
      'no saved-method decline'
    )
  })
}
