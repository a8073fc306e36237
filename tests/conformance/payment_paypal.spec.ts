import { test } from '@japa/runner'
import { PayPalAdapter, paypalAdapter, type PayPalOptions } from '#payments/adapters/paypal_adapter'
import { fromPayPalValue, toPayPalValue } from '#payments/adapters/paypal_money'
import {
  InvalidWebhookSignatureException,
  PaymentAdapterMisconfiguredException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type { InitiateInput, PaymentAdapter } from '#payments/types'
import { PayPalServer } from '#tests/fixtures/servers/paypal_server'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'

const server = await new PayPalServer().start()
const MONEY = { amount: 12_900, currency: 'USD' }

const options = (overrides: Partial<PayPalOptions> = {}): Partial<PayPalOptions> => ({
  clientId: server.clientId,
  clientSecret: server.clientSecret,
  webhookId: server.webhookId,
  apiUrl: server.url,
  currency: 'USD',
  ...overrides,
})
const create = () => new PayPalAdapter(options())

/** The query PayPal puts on the return URL (token, PayerID), as the return route reads it. */
function returnParams(location: string): Record<string, string> {
  return Object.fromEntries(new URL(location).searchParams)
}

paymentAdapterSuite({
  test,
  name: 'paypal',
  create,
  money: MONEY,
  scenario: {
    approve: ({ session }) => returnParams(server.approveAsBuyer(session.providerReference)),
    decline: ({ session }) =>
      returnParams(server.approveAsBuyer(session.providerReference, { declines: true })),
    webhook: async ({ adapter, input, session }) => {
      await adapter.confirm({
        ...input,
        providerReference: session.providerReference,
        params: returnParams(server.approveAsBuyer(session.providerReference)),
      })
      return server.signedDelivery('PAYMENT.CAPTURE.COMPLETED', session.providerReference)
    },
  },
})

/** Creates, approves and confirms one payment. */
async function pay(adapter: PaymentAdapter, overrides: Partial<InitiateInput> = {}) {
  const input = initiateInput({ ...MONEY, ...overrides })
  const session = await adapter.initiate(input)
  const id = session.providerReference
  const params = returnParams(server.approveAsBuyer(id))
  const confirm = () =>
    adapter.confirm({
      ...input,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: id,
      params,
    })
  return { input, id, confirm, result: await confirm() }
}

function refundOf(input: InitiateInput, id: string, amount: number, key: string) {
  const { attemptId, currency } = input
  const idempotencyKey = `${attemptId}:${key}`
  return { attemptId, idempotencyKey, providerReference: id, amount, currency, reason: 'requested' }
}

const capturesOf = (id: string) =>
  server.orders.get(id)!.captures.map((c) => server.captures.get(c)!)

test.group('Payment adapters | paypal protocol', (group) => {
  group.teardown(() => server.close())

  test('creates an order for the attempt and redirects to its payer-action link', async ({
    assert,
  }) => {
    const input = initiateInput({ ...MONEY, capture: 'manual' })
    const session = await create().initiate(input)
    assert.deepEqual(session, {
      type: 'redirect',
      url: `${server.url}/checkoutnow?token=${session.providerReference}`,
      providerReference: session.providerReference,
    })
    assert.containsSubset(server.orders.get(session.providerReference), {
      intent: 'AUTHORIZE',
      customId: input.attemptId,
      amount: { currency_code: 'USD', value: '129.00' },
      returnUrl: input.returnUrl,
      cancelUrl: input.cancelUrl,
    })
  })

  test('converts minor units to PayPal decimals and back, per currency', ({ assert }) => {
    assert.equal(toPayPalValue(12_900, 'USD'), '129.00')
    assert.equal(toPayPalValue(5, 'EUR'), '0.05')
    assert.equal(toPayPalValue(1_500, 'JPY'), '1500')
    assert.equal(toPayPalValue(1_500, 'HUF'), '1500')
    assert.equal(toPayPalValue(150_000, 'TWD'), '1500')
    assert.throws(() => toPayPalValue(150_050, 'TWD'), /whole units/)
    assert.equal(fromPayPalValue('129.00', 'USD'), 12_900)
    assert.equal(fromPayPalValue('0.5', 'USD'), 50)
    assert.equal(fromPayPalValue('1500', 'JPY'), 1_500)
    assert.equal(fromPayPalValue('1500', 'TWD'), 150_000)
    assert.throws(() => fromPayPalValue('1.999', 'USD'), /finer/)
  })

  test('pays in JPY with whole-yen values', async ({ assert }) => {
    const adapter = new PayPalAdapter(options({ currency: 'JPY' }))
    const { id, result } = await pay(adapter, { amount: 1_500, currency: 'JPY' })
    assert.containsSubset(result, { status: 'captured', amount: 1_500, currency: 'JPY' })
    assert.deepEqual(server.orders.get(id)!.amount, { currency_code: 'JPY', value: '1500' })
  })

  test('a retried initiate replays the order through PayPal-Request-Id', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput(MONEY)
    const replays = server.replays
    const [first, second] = await Promise.all([adapter.initiate(input), adapter.initiate(input)])
    assert.deepEqual(second, first)
    assert.equal(server.replays, replays + 1)
    const created = [...server.orders.values()].filter((o) => o.customId === input.attemptId)
    assert.lengthOf(created, 1)
    const long = { ...input, idempotencyKey: `${input.attemptId}:${'x'.repeat(120)}` }
    assert.deepEqual(await adapter.initiate(long), await adapter.initiate(long), 'hashed to fit')
  })

  test('confirms racing with one request id capture once on the server', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput(MONEY)
    const session = await adapter.initiate(input)
    const id = session.providerReference
    const params = returnParams(server.approveAsBuyer(id))
    const confirm = () => adapter.confirm({ ...input, providerReference: id, params })
    const results = await Promise.all([confirm(), confirm(), confirm()])
    assert.deepEqual(results[1], results[0])
    assert.deepEqual(results[2], results[0])
    assert.containsSubset(results[0], { status: 'captured', amount: 12_900, currency: 'USD' })
    assert.lengthOf(capturesOf(id), 1)
  })

  test('a retried refund is replayed by PayPal and refunds once', async ({ assert }) => {
    const adapter = create()
    const { input, id } = await pay(adapter)
    const first = await adapter.refund(refundOf(input, id, 3_000, 'refund-1'))
    const again = await adapter.refund(refundOf(input, id, 3_000, 'refund-1'))
    assert.deepEqual(again, first)
    assert.containsSubset(first, { status: 'refunded', amount: 3_000, currency: 'USD' })
    const [capture] = capturesOf(id)
    assert.lengthOf(capture.refunds, 1)
    assert.equal(capture.status, 'PARTIALLY_REFUNDED')
  })

  test('declines a refund above what is left, with PayPal’s issue', async ({ assert }) => {
    const adapter = create()
    const { input, id } = await pay(adapter)
    await adapter.refund(refundOf(input, id, 10_000, 'refund-1'))
    const over = await adapter.refund(refundOf(input, id, 5_000, 'refund-2'))
    assert.containsSubset(over, { status: 'declined', code: 'REFUND_AMOUNT_EXCEEDED' })
    assert.lengthOf(capturesOf(id)[0].refunds, 1)
  })

  test('reports the amount PayPal captured, not the one asked for', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput(MONEY)
    const session = await adapter.initiate(input)
    const id = session.providerReference
    const params = returnParams(server.approveAsBuyer(id))
    server.orders.get(id)!.amount = { currency_code: 'USD', value: '1.00' }
    const result = await adapter.confirm({ ...input, providerReference: id, params })
    assert.containsSubset(result, { status: 'captured', amount: 100, currency: 'USD' })
  })

  test('declines an instrument PayPal refuses, and an order not approved', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput(MONEY)
    const { providerReference: id } = await adapter.initiate(input)
    const unapproved = await adapter.confirm({ ...input, providerReference: id, params: {} })
    assert.containsSubset(unapproved, { status: 'declined', code: 'ORDER_NOT_APPROVED' })
    const params = returnParams(server.approveAsBuyer(id, { declines: true }))
    const refused = await adapter.confirm({ ...input, providerReference: id, params })
    assert.containsSubset(refused, { status: 'declined', code: 'INSTRUMENT_DECLINED' })
    const forged = await adapter.confirm({
      ...input,
      providerReference: id,
      params: { token: 'X' },
    })
    assert.containsSubset(forged, { status: 'declined', code: 'TOKEN_MISMATCH' })
    assert.lengthOf(capturesOf(id), 0)
  })

  test('voids an authorization, and will not cancel captured money', async ({ assert }) => {
    const adapter = create()
    const authorized = await pay(adapter, { capture: 'manual' })
    assert.containsSubset(authorized.result, { status: 'authorized', amount: 12_900 })
    const cancel = { ...refundOf(authorized.input, authorized.id, 0, 'cancel'), reason: 'x' }
    assert.deepEqual(await adapter.cancel(cancel), {
      status: 'canceled',
      providerReference: authorized.id,
    })
    const [authorization] = server.orders.get(authorized.id)!.authorizations
    assert.equal(server.authorizations.get(authorization)!.status, 'VOIDED')
    const captured = await pay(adapter)
    const refused = await adapter.cancel({
      ...refundOf(captured.input, captured.id, 0, 'c'),
      reason: 'x',
    })
    assert.containsSubset(refused, { status: 'declined', code: 'ORDER_ALREADY_CAPTURED' })
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE on a PayPal 5xx or no answer', async ({ assert }) => {
    const adapter = create()
    server.failNext(500)
    await assert.rejects(
      () => adapter.initiate(initiateInput(MONEY)),
      PaymentProviderUnavailableException
    )
    const { input, id } = await pay(adapter)
    server.failNext(503)
    await assert.rejects(
      () => adapter.refund(refundOf(input, id, 1_000, 'refund-1')),
      PaymentProviderUnavailableException
    )
    assert.lengthOf(capturesOf(id)[0].refunds, 0)
    const offline = new PayPalAdapter(options({ apiUrl: 'http://127.0.0.1:9' }))
    await assert.rejects(
      () => offline.initiate(initiateInput(MONEY)),
      PaymentProviderUnavailableException
    )
  })

  test('keeps one OAuth token, renewing it a minute before it expires', async ({ assert }) => {
    const before = server.tokenCalls
    await pay(create())
    assert.equal(server.tokenCalls, before + 1, 'one token for create, get and capture')
    server.tokenTtl = 30
    try {
      const adapter = create()
      await adapter.initiate(initiateInput(MONEY))
      await adapter.initiate(initiateInput(MONEY))
    } finally {
      server.tokenTtl = 32_400
    }
    assert.equal(server.tokenCalls, before + 3, 'a token that expires within a minute is renewed')
  })

  test('fails at boot naming the key to set, and refuses KRW', ({ assert }) => {
    assert.throws(() => paypalAdapter(options({ clientId: '' })), /PAYPAL_CLIENT_ID/)
    assert.throws(() => paypalAdapter(options({ clientSecret: undefined })), /PAYPAL_CLIENT_SECRET/)
    assert.throws(() => paypalAdapter(options({ webhookId: ' ' })), /PAYPAL_WEBHOOK_ID/)
    assert.throws(() => paypalAdapter(options({ apiUrl: 'ftp://x' })), /PAYPAL_API_URL/)
    const krw = () => paypalAdapter(options({ currency: 'KRW' }))
    assert.throws(krw, PaymentAdapterMisconfiguredException)
    assert.throws(krw, /"KRW".*STORE_CURRENCY/)
    assert.equal(paypalAdapter(options())().code, 'paypal')
  })

  test('refuses wrong credentials as a misconfiguration', async ({ assert }) => {
    const adapter = new PayPalAdapter(options({ clientSecret: 'wrong' }))
    await assert.rejects(() => adapter.initiate(initiateInput(MONEY)), /PAYPAL_CLIENT_SECRET/)
  })

  test('maps verified events onto the PayPal order', async ({ assert }) => {
    const adapter = create()
    const { input, id } = await pay(adapter)
    const captured = await adapter.parseWebhook(
      server.signedDelivery('PAYMENT.CAPTURE.COMPLETED', id)
    )
    assert.containsSubset(captured, {
      type: 'payment.captured',
      providerReference: id,
      amount: 12_900,
    })
    const refund = await adapter.refund(refundOf(input, id, 2_000, 'refund-1'))
    const refunded = await adapter.parseWebhook(
      server.signedDelivery('PAYMENT.CAPTURE.REFUNDED', id)
    )
    assert.containsSubset(refunded, {
      type: 'refund.succeeded',
      providerReference: id,
      amount: 2_000,
      // The refund's own id, as refund() reported it: it settles a pending refund.
      refundReference: refund.status === 'refunded' ? refund.refundReference : 'none',
    })
    const approved = await adapter.parseWebhook(
      server.signedDelivery('CHECKOUT.ORDER.APPROVED', id)
    )
    assert.containsSubset(approved, { type: 'payment.approved', providerReference: id })
  })

  test('refuses a stale delivery, another webhook’s, or one without headers', async ({
    assert,
  }) => {
    const adapter = create()
    const { id } = await pay(adapter)
    const verifies = server.verifyCalls
    const stale = server.signedDelivery('PAYMENT.CAPTURE.COMPLETED', id, {
      time: new Date(Date.now() - 3_600_000),
    })
    await assert.rejects(() => adapter.parseWebhook(stale), InvalidWebhookSignatureException)
    assert.equal(server.verifyCalls, verifies, 'a stale delivery is refused before PayPal is asked')
    const other = server.signedDelivery('PAYMENT.CAPTURE.COMPLETED', id, { webhookId: 'WH-OTHER' })
    await assert.rejects(() => adapter.parseWebhook(other), InvalidWebhookSignatureException)
    const { rawBody } = server.signedDelivery('PAYMENT.CAPTURE.COMPLETED', id)
    await assert.rejects(
      () => adapter.parseWebhook({ rawBody, headers: {} }),
      InvalidWebhookSignatureException
    )
  })
})
