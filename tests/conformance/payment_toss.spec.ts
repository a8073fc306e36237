import { test } from '@japa/runner'
import { TossAdapter, tossAdapter } from '#payments/adapters/toss_adapter'
import { TossClient } from '#payments/adapters/toss_client'
import { verifyTossWebhook } from '#payments/adapters/toss_webhook'
import {
  InvalidWebhookSignatureException,
  PaymentAdapterMisconfiguredException,
  PaymentMethodRejectedException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type { PaymentSession } from '#payments/types'
import { TossServer } from '#tests/fixtures/servers/toss_server'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'

const SECRET_KEY = 'test_sk_jangteo_fixture_0123456789'
const CLIENT_KEY = 'test_ck_jangteo_fixture_0123456789'

// Started once for the file and unref'd; the last group closes it.
const toss = await new TossServer(SECRET_KEY, CLIENT_KEY).start()
const options = { clientKey: CLIENT_KEY, secretKey: SECRET_KEY, apiUrl: toss.url }
const checkoutUrl = `${toss.url}/checkout`
const create = () => new TossAdapter({ ...options, checkoutUrl })
const url = (session: PaymentSession) => (session.type === 'redirect' ? session.url : '')

paymentAdapterSuite({
  test,
  name: 'toss',
  create,
  scenario: {
    approve: ({ session }) => toss.shopper(url(session), 'approve'),
    decline: ({ session }) => toss.shopper(url(session), 'reject'),
    savedMethod: {
      approve: { authKey: toss.registerCard('approve') },
      decline: { authKey: toss.registerCard('reject') },
    },
    webhook: ({ input }) => ({ rawBody: toss.webhook(paymentKeyOf(input.attemptId)), headers: {} }),
    webhookRefetch: {
      forged: ({ input }) => ({
        rawBody: toss.webhook(paymentKeyOf(input.attemptId), { status: 'DONE' }),
        headers: {},
      }),
      unknown: () => ({
        rawBody: JSON.stringify({
          eventType: 'PAYMENT_STATUS_CHANGED',
          createdAt: new Date().toISOString(),
          data: { paymentKey: 'tgen_unknown', orderId: 'pa_unknown', status: 'DONE' },
        }),
        headers: {},
      }),
    },
  },
})

/** The paymentKey Toss gave the attempt's payment in the window. */
function paymentKeyOf(orderId: string) {
  const payment = toss.paymentFor(orderId)
  if (!payment) throw new Error(`Toss has no payment for ${orderId}`)
  return payment.paymentKey
}

/** A payment started, approved in the payment window and confirmed. */
async function paid(adapter = create(), input = initiateInput()) {
  const session = await adapter.initiate(input)
  const params = await toss.shopper(url(session), 'approve')
  const confirmInput = {
    ...input,
    idempotencyKey: `${input.attemptId}:confirm`,
    providerReference: session.providerReference,
    params,
  }
  return {
    adapter,
    input,
    session,
    params,
    confirmInput,
    result: await adapter.confirm(confirmInput),
  }
}

test.group('Payment adapters | toss protocol', () => {
  test('sends the shopper to the payment window with the order and the client key', async ({
    assert,
  }) => {
    const input = initiateInput()
    const session = await create().initiate(input)
    assert.equal(session.providerReference, input.attemptId)
    const query = new URL(url(session)).searchParams
    assert.equal(query.get('clientKey'), CLIENT_KEY)
    assert.equal(query.get('orderId'), input.attemptId)
    assert.equal(query.get('amount'), '12900')
    assert.equal(query.get('successUrl'), input.returnUrl)
    assert.equal(query.get('failUrl'), `${checkoutUrl}/${input.attemptId}`)
    assert.isNull(query.get('customerKey'))
  })

  test('a retried confirm returns the first result and charges once', async ({ assert }) => {
    const { adapter, input, confirmInput, result } = await paid()
    assert.deepEqual(await adapter.confirm(confirmInput), result)
    const charged = [...toss.payments.values()].filter((p) => p.orderId === confirmInput.attemptId)
    assert.equal(result.status === 'captured' && result.providerReference, input.attemptId)
    assert.lengthOf(charged, 1)
    assert.deepInclude(charged[0], { status: 'DONE', balanceAmount: 12_900, cancels: [] })
  })

  test('a retried refund moves the money once', async ({ assert }) => {
    const { adapter, input, result } = await paid()
    if (result.status !== 'captured') return assert.fail(result.status)
    const refund = {
      ...input,
      idempotencyKey: 'refund-once',
      providerReference: result.providerReference,
      reason: 'damaged',
    }
    const first = await adapter.refund({ ...refund, amount: 3_000 })
    assert.deepEqual(await adapter.refund({ ...refund, amount: 3_000 }), first)
    const payment = toss.paymentFor(result.providerReference)!
    assert.equal(payment.balanceAmount, 9_900)
    assert.lengthOf(payment.cancels, 1)
  })

  test('declines a refund above what is left, with Toss’s code', async ({ assert }) => {
    const { adapter, input, result } = await paid()
    if (result.status !== 'captured') return assert.fail(result.status)
    const refund = { ...input, providerReference: result.providerReference, reason: 'damaged' }
    await adapter.refund({ ...refund, idempotencyKey: 'r1', amount: 10_000 })
    const over = await adapter.refund({ ...refund, idempotencyKey: 'r2', amount: 2_901 })
    assert.containsSubset(over, { status: 'declined', code: 'NOT_CANCELABLE_AMOUNT' })
    assert.equal(toss.paymentFor(result.providerReference)!.balanceAmount, 2_900)
  })

  test('declines with Toss’s code when the shopper closes the payment window', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput()
    const session = await adapter.initiate(input)
    const params = await toss.shopper(url(session), 'quit')
    const result = await adapter.confirm({
      ...input,
      providerReference: session.providerReference,
      params,
    })
    assert.containsSubset(result, { status: 'declined', code: 'PAY_PROCESS_CANCELED' })
  })

  test('a tampered amount in the return URL is refused, not charged', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput({ amount: 1_000 })
    const session = await adapter.initiate(input)
    const params = await toss.shopper(url(session), 'approve')
    const result = await adapter.confirm({
      ...input,
      amount: 12_900,
      providerReference: input.attemptId,
      params,
    })
    assert.containsSubset(result, { status: 'declined', code: 'INVALID_REQUEST' })
    assert.equal(toss.payments.get(params.paymentKey)!.status, 'IN_PROGRESS')
  })

  test('reports the amount Toss approved when it differs from the one asked', async ({
    assert,
  }) => {
    toss.nextApprovedTotal = 12_000
    const { result } = await paid()
    assert.containsSubset(result, { status: 'captured', amount: 12_000, currency: 'KRW' })
  })

  test('shows the card issuer and only the digits Toss does not mask', async ({ assert }) => {
    const { result } = await paid()
    assert.containsSubset(result, {
      status: 'captured',
      method: { brand: 'shinhan', last4: '1234' },
    })
  })

  test('cancels a confirmed payment in full', async ({ assert }) => {
    const { adapter, input, result } = await paid()
    if (result.status !== 'captured') return assert.fail(result.status)
    const canceled = await adapter.cancel({
      ...input,
      idempotencyKey: 'c1',
      providerReference: input.attemptId,
      reason: 'x',
    })
    assert.equal(canceled.status, 'canceled')
    assert.deepInclude(toss.paymentFor(result.providerReference)!, {
      status: 'CANCELED',
      balanceAmount: 0,
    })
  })

  test('cancels a payment approved in the window but never confirmed, charging nothing', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput()
    const session = await adapter.initiate(input)
    const { paymentKey } = await toss.shopper(url(session), 'approve')
    const cancel = { ...input, providerReference: session.providerReference, reason: 'abandoned' }
    assert.deepEqual(await adapter.cancel(cancel), {
      status: 'canceled',
      providerReference: input.attemptId,
    })
    assert.deepInclude(toss.payments.get(paymentKey)!, { status: 'IN_PROGRESS', cancels: [] })
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE on a 500, and the retry succeeds', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput()
    const session = await adapter.initiate(input)
    const params = await toss.shopper(url(session), 'approve')
    const confirm = { ...input, providerReference: session.providerReference, params }
    toss.failNext = 500
    await assert.rejects(() => adapter.confirm(confirm), PaymentProviderUnavailableException)
    assert.containsSubset(await adapter.confirm(confirm), { status: 'captured', amount: 12_900 })
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE when Toss cannot be reached', async ({ assert }) => {
    const adapter = new TossAdapter({ ...options, apiUrl: 'http://127.0.0.1:1' })
    await assert.rejects(
      () => adapter.refund({ ...initiateInput(), providerReference: 'tgen_x', reason: 'x' }),
      PaymentProviderUnavailableException
    )
  })

  test('refuses to save a card whose authKey Toss does not know', async ({ assert }) => {
    const save = {
      idempotencyKey: 'bad-auth',
      customer: { email: 'a@b.kr' },
      params: { authKey: 'bln_forged' },
    }
    await assert.rejects(() => create().savePaymentMethod(save), PaymentMethodRejectedException)
  })

  test('declines a billing key charged for another customer', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput()
    const saved = await adapter.savePaymentMethod({
      idempotencyKey: `${input.attemptId}:save`,
      customer: input.customer,
      params: { authKey: toss.registerCard('approve') },
    })
    const result = await adapter.chargeSavedMethod({
      ...input,
      ...saved,
      providerCustomerId: 'someone-else',
    })
    assert.containsSubset(result, { status: 'declined', code: 'NOT_FOUND_BILLING' })
  })
})

test.group('Payment adapters | toss card registration (one-click)', () => {
  /** A payment whose method the shopper keeps: the window registers the card. */
  async function registered(action: 'approve' | 'reject' | 'quit', email?: string) {
    const adapter = create()
    const input = initiateInput({ saveMethod: true })
    const session = await adapter.initiate(input)
    const params = await toss.shopper(url(session), action)
    const confirmInput = {
      ...input,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: session.providerReference,
      customer: email ? { email } : input.customer,
      params,
    }
    return { adapter, input, session, params, confirmInput }
  }

  test('issues a billing key at confirm, charges it once and returns the saved method', async ({
    assert,
  }) => {
    const { adapter, input, session, params, confirmInput } = await registered('approve')
    const query = new URL(url(session)).searchParams
    assert.equal(query.get('flow'), 'billing')
    assert.match(query.get('customerKey') ?? '', /^jt_[\w-]{40}$/)
    assert.equal(params.customerKey, query.get('customerKey'))

    const result = await adapter.confirm(confirmInput)
    assert.containsSubset(result, {
      status: 'captured',
      providerReference: input.attemptId,
      amount: 12_900,
      savedMethod: { providerCustomerId: params.customerKey, summary: { brand: 'shinhan' } },
    })
    assert.deepEqual(await adapter.confirm(confirmInput), result, 'a retry charges nothing more')
    assert.lengthOf(
      [...toss.payments.values()].filter((p) => p.orderId === input.attemptId),
      1
    )

    if (result.status !== 'captured' || !result.savedMethod) return
    const next = initiateInput()
    const again = await adapter.chargeSavedMethod({ ...next, ...result.savedMethod })
    assert.containsSubset(again, { status: 'captured', providerReference: next.attemptId })
  })

  test('declines the first charge of a card the issuer refuses', async ({ assert }) => {
    const { adapter, confirmInput } = await registered('reject')
    const result = await adapter.confirm(confirmInput)
    assert.containsSubset(result, { status: 'declined', code: 'REJECT_CARD_PAYMENT' })
  })

  test('refuses a registration made for another customer, issuing nothing', async ({ assert }) => {
    const { adapter, input, confirmInput } = await registered('approve', 'someone@example.com')
    const result = await adapter.confirm(confirmInput)
    assert.containsSubset(result, { status: 'declined', code: 'INVALID_RETURN' })
    assert.isUndefined(toss.paymentFor(input.attemptId))
  })

  test('declines with Toss’s code when the shopper closes the registration window', async ({
    assert,
  }) => {
    const { adapter, confirmInput } = await registered('quit')
    const result = await adapter.confirm(confirmInput)
    assert.containsSubset(result, { status: 'declined', code: 'PAY_PROCESS_CANCELED' })
  })
})

// Accepting a genuine event and refusing an unknown payment are in the suite (webhookRefetch).
test.group('Payment adapters | toss webhooks', () => {
  const client = new TossClient(SECRET_KEY, toss.url)
  const verify = (rawBody: string) => verifyTossWebhook(client, { rawBody, headers: {} })

  test('reports the status Toss has, not the one the body claims', async ({ assert }) => {
    const { result } = await paid()
    if (result.status !== 'captured') return assert.fail(result.status)
    const paymentKey = paymentKeyOf(result.providerReference)
    const event = await verify(toss.webhook(paymentKey, { status: 'CANCELED' }))
    assert.containsSubset(event, {
      type: 'payment.captured',
      providerReference: result.providerReference,
    })
    await assert.rejects(() => verify('not json'), InvalidWebhookSignatureException)
  })

  test('refuses an event whose orderId is not the payment’s', async ({ assert }) => {
    const { result } = await paid()
    if (result.status !== 'captured') return assert.fail(result.status)
    const body = toss.webhook(paymentKeyOf(result.providerReference), { orderId: 'pa_other' })
    await assert.rejects(() => verify(body), InvalidWebhookSignatureException)
  })
})

test.group('Payment adapters | toss misconfiguration', (group) => {
  group.teardown(() => toss.close())

  test('names the environment variable of a missing key', ({ assert }) => {
    assert.throws(() => tossAdapter({ ...options, secretKey: '' }), /TOSS_SECRET_KEY/)
    assert.throws(() => tossAdapter({ ...options, clientKey: ' ' }), /TOSS_CLIENT_KEY/)
    assert.throws(() => tossAdapter({ ...options, apiUrl: 'not a url' }), /TOSS_API_URL/)
  })

  test('reports a secret key Toss refuses as misconfiguration, naming TOSS_SECRET_KEY', async ({
    assert,
  }) => {
    const adapter = new TossAdapter({ ...options, secretKey: 'test_sk_wrong' })
    await assert.rejects(
      () => adapter.refund({ ...initiateInput(), providerReference: 'tgen_x', reason: 'x' }),
      PaymentAdapterMisconfiguredException
    )
  })
})
