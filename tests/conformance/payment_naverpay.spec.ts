import { test } from '@japa/runner'
import { NaverPayAdapter, naverPayAdapter } from '#payments/adapters/naverpay_adapter'
import {
  PaymentAdapterMisconfiguredException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type { PaymentSession } from '#payments/types'
import {
  NAVERPAY_FIXTURE_KEYS,
  NaverPayFixtureServer,
} from '#tests/fixtures/servers/naverpay_server'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'

/** One local NaverPay for the whole file; unref'd, so it never holds the process open. */
const server = await new NaverPayFixtureServer().start()

const create = () =>
  new NaverPayAdapter({
    ...NAVERPAY_FIXTURE_KEYS,
    apiUrl: server.url,
    windowUrl: `${server.url}/window`,
  })

/** What the shopper does in the window the page opens: read where NaverPay sends them back. */
async function openWindow(
  session: PaymentSession,
  action: string,
  tamper: Record<string, string> = {}
) {
  if (session.type !== 'redirect') throw new Error('NaverPay starts with a redirect')
  const location = await server.windowReturn(session.url, action, tamper)
  return Object.fromEntries(new URL(location).searchParams)
}

paymentAdapterSuite({
  test,
  name: 'naverpay',
  create,
  scenario: {
    approve: ({ session }) => openWindow(session, 'approve'),
    decline: ({ session }) => openWindow(session, 'cancel'),
  },
})

/** Starts a payment and has the shopper approve it in the window. */
async function approved(overrides: Parameters<typeof initiateInput>[0] = {}) {
  const adapter = create()
  const input = initiateInput(overrides)
  const session = await adapter.initiate(input)
  const params = await openWindow(session, 'approve')
  const confirm = () =>
    adapter.confirm({
      ...input,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: session.providerReference,
      params,
    })
  return { adapter, input, session, params, confirm }
}

test.group('Payment adapters | naverpay protocol', (group) => {
  group.each.teardown(() => server.failNext(0))
  // The suite's group ran first; this is the last one to need the server.
  group.teardown(() => server.close())

  test('sends the shopper to the window with what oPay.open needs', async ({ assert }) => {
    const input = initiateInput()
    const session = await create().initiate(input)
    assert.equal(session.type, 'redirect')
    if (session.type !== 'redirect') return
    const page = new URL(session.url)
    assert.equal(page.origin + page.pathname, `${server.url}/window/${input.attemptId}`)
    assert.deepEqual(Object.fromEntries(page.searchParams), {
      merchantPayKey: input.attemptId,
      productName: input.description,
      totalPayAmount: '12900',
      taxScopeAmount: '12900',
      taxExScopeAmount: '0',
      returnUrl: input.returnUrl,
    })
  })

  test('a retried approval answers the first result and approves once', async ({ assert }) => {
    const { params, confirm } = await approved()
    const first = await confirm()
    assert.deepEqual(await confirm(), first)
    assert.containsSubset(first, { status: 'captured', amount: 12_900, currency: 'KRW' })
    const payment = server.payments.get(params.paymentId)!
    assert.equal(payment.approvals, 1)
    assert.equal(payment.state, 'approved')
  })

  test('a retried refund cancels once on the server', async ({ assert }) => {
    const { adapter, input, params, confirm } = await approved()
    await confirm()
    const refund = () =>
      adapter.refund({
        ...input,
        idempotencyKey: `${input.attemptId}:refund:1`,
        providerReference: params.paymentId,
        amount: 5_000,
        reason: 'requested_by_customer',
      })
    assert.deepEqual(await refund(), await refund())
    const payment = server.payments.get(params.paymentId)!
    assert.equal(payment.canceledAmount, 5_000)
    assert.lengthOf(payment.cancels, 1)
  })

  test('declines a refund above what is left to cancel', async ({ assert }) => {
    const { adapter, input, params, confirm } = await approved()
    await confirm()
    const refund = (amount: number, n: number) =>
      adapter.refund({
        ...input,
        idempotencyKey: `${input.attemptId}:refund:${n}`,
        providerReference: params.paymentId,
        amount,
        reason: 'requested_by_customer',
      })
    assert.containsSubset(await refund(10_000, 1), { status: 'refunded', amount: 10_000 })
    assert.containsSubset(await refund(3_000, 2), { status: 'declined', code: 'CancelNotComplete' })
    assert.equal(server.payments.get(params.paymentId)!.canceledAmount, 10_000)
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE on a 500, and a retry then approves', async ({
    assert,
  }) => {
    const { confirm } = await approved()
    server.failNext(1)
    await assert.rejects(confirm, PaymentProviderUnavailableException)
    assert.containsSubset(await confirm(), { status: 'captured' })
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE when NaverPay cannot be reached', async ({
    assert,
  }) => {
    const adapter = new NaverPayAdapter({ ...NAVERPAY_FIXTURE_KEYS, apiUrl: 'http://127.0.0.1:9' })
    const input = initiateInput()
    const params = { resultCode: 'Success', paymentId: '20261122NP1' }
    await assert.rejects(
      () => adapter.confirm({ ...input, providerReference: input.attemptId, params }),
      PaymentProviderUnavailableException
    )
  })

  test('declines the shopper cancelling in the window without calling NaverPay', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput()
    const session = await adapter.initiate(input)
    const params = await openWindow(session, 'fail')
    const result = await adapter.confirm({ ...input, providerReference: input.attemptId, params })
    assert.deepEqual(result, {
      status: 'declined',
      code: 'Fail',
      reason: 'paymentFail',
      providerReference: input.attemptId,
    })
  })

  test('maps a non-Success code on HTTP 200 to a decline', async ({ assert }) => {
    const { input, session, params, confirm } = await approved()
    await confirm()
    const again = await create().confirm({
      ...input,
      idempotencyKey: `${input.attemptId}:confirm-again`,
      providerReference: session.providerReference,
      params,
    })
    assert.containsSubset(again, {
      status: 'declined',
      code: 'AlreadyComplete',
      providerReference: params.paymentId,
    })
  })

  test('reports the amount NaverPay approved, even when the window was tampered', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput()
    const session = await adapter.initiate(input)
    const tamper = { totalPayAmount: '100', taxScopeAmount: '100' }
    const back = await openWindow(session, 'approve', tamper)
    const result = await adapter.confirm({
      ...input,
      providerReference: input.attemptId,
      params: back,
    })
    assert.containsSubset(result, { status: 'captured', amount: 100, currency: 'KRW' })
    assert.notEqual(input.amount, 100)
  })

  test('a paymentId approved for another attempt is declined and its money given back', async ({
    assert,
  }) => {
    const { params } = await approved()
    const input = initiateInput()
    const result = await create().confirm({ ...input, providerReference: input.attemptId, params })
    assert.containsSubset(result, { status: 'declined', code: 'merchant_pay_key_mismatch' })
    // NaverPay reports nothing later, so the approval must not keep the shopper's money.
    const payment = server.payments.get(params.paymentId)!
    assert.equal(payment.canceledAmount, payment.totalPayAmount)
  })

  test('declines a call the credentials do not authorize', async ({ assert }) => {
    const { input, session, params } = await approved()
    const adapter = new NaverPayAdapter({
      ...NAVERPAY_FIXTURE_KEYS,
      clientSecret: 'wrong',
      apiUrl: server.url,
    })
    const result = await adapter.confirm({
      ...input,
      providerReference: session.providerReference,
      params,
    })
    assert.containsSubset(result, { status: 'declined', code: 'Unauthorized' })
  })
})

test.group('Payment adapters | naverpay misconfiguration', () => {
  test('names the environment variable of a missing option', ({ assert }) => {
    const cases = {
      partnerId: 'NAVERPAY_PARTNER_ID',
      clientId: 'NAVERPAY_CLIENT_ID',
      clientSecret: 'NAVERPAY_CLIENT_SECRET',
      chainId: 'NAVERPAY_CHAIN_ID',
    }
    for (const [option, envKey] of Object.entries(cases)) {
      assert.throws(
        () => naverPayAdapter({ ...NAVERPAY_FIXTURE_KEYS, [option]: '' }),
        new RegExp(envKey)
      )
    }
    assert.throws(
      () => new NaverPayAdapter({ ...NAVERPAY_FIXTURE_KEYS, apiUrl: 'apis.naver.com' }),
      /NAVERPAY_API_URL/
    )
    assert.throws(
      () => new NaverPayAdapter({ ...NAVERPAY_FIXTURE_KEYS, jsUrl: 'nsp.pay.naver.com/sdk.js' }),
      /NAVERPAY_JS_URL/
    )
  })

  test('gives the payment page the SDK and the public merchant keys, never the secret', ({
    assert,
  }) => {
    const adapter = new NaverPayAdapter({ ...NAVERPAY_FIXTURE_KEYS, mode: 'production' })
    assert.deepEqual(adapter.page, {
      jsUrl: 'https://nsp.pay.naver.com/sdk/js/naverpay.min.js',
      mode: 'production',
      clientId: NAVERPAY_FIXTURE_KEYS.clientId,
      chainId: NAVERPAY_FIXTURE_KEYS.chainId,
    })
  })

  test('is a PaymentAdapterMisconfiguredException', ({ assert }) => {
    try {
      naverPayAdapter({})
      assert.fail('expected the options to be refused')
    } catch (error) {
      assert.instanceOf(error, PaymentAdapterMisconfiguredException)
      assert.equal(
        (error as PaymentAdapterMisconfiguredException).code,
        'E_PAYMENT_ADAPTER_MISCONFIGURED'
      )
    }
  })

  test('the config factory builds the adapter lazily', ({ assert }) => {
    assert.equal(naverPayAdapter(NAVERPAY_FIXTURE_KEYS)().code, 'naverpay')
  })
})
