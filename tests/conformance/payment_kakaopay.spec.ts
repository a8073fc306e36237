import { test } from '@japa/runner'
import { KakaoPayAdapter, kakaopayAdapter } from '#payments/adapters/kakaopay_adapter'
import {
  PaymentAdapterMisconfiguredException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type { InitiateInput, PaymentAdapter, PaymentSession } from '#payments/types'
import { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'

const SECRET_KEY = 'DEV0123456789ABCDEF0123456789'
const CID = 'TC0ONETIME'
const server = await new KakaoPayServer(SECRET_KEY).start()

const create = () => new KakaoPayAdapter({ secretKey: SECRET_KEY, cid: CID, apiUrl: server.url })

/** The query KakaoPay's redirect puts on the return URL, as the return route would read it. */
function returnParams(location: string): Record<string, string> {
  return Object.fromEntries(new URL(location).searchParams)
}

paymentAdapterSuite({
  test,
  name: 'kakaopay',
  create,
  scenario: {
    approve: ({ session }) => returnParams(server.approveAsShopper(session.providerReference)),
    decline: ({ session }) => returnParams(server.failAsShopper(session.providerReference)),
  },
})

/** Readies, approves on the fixture's page and confirms one payment. */
async function pay(adapter: PaymentAdapter, overrides: Partial<InitiateInput> = {}) {
  const input = initiateInput(overrides)
  const session = await adapter.initiate(input)
  const params = returnParams(server.approveAsShopper(session.providerReference))
  const confirm = () =>
    adapter.confirm({
      ...input,
      idempotencyKey: `${input.attemptId}:confirm`,
      providerReference: session.providerReference,
      params,
    })
  return { input, session, confirm, result: await confirm() }
}

function refundOf(input: InitiateInput, session: PaymentSession, amount: number, key: string) {
  return {
    attemptId: input.attemptId,
    idempotencyKey: `${input.attemptId}:${key}`,
    providerReference: session.providerReference,
    amount,
    currency: 'KRW',
    reason: 'requested by the shopper',
  }
}

test.group('Payment adapters | kakaopay protocol', (group) => {
  group.teardown(() => server.close())

  test('sends the shopper to next_redirect_pc_url with the tid as reference', async ({
    assert,
  }) => {
    const input = initiateInput()
    const session = await create().initiate(input)
    assert.equal(session.type, 'redirect')
    if (session.type !== 'redirect') return
    assert.equal(session.url, `${server.url}/mockup/v1/${session.providerReference}/info`)
    const payment = server.payments.get(session.providerReference)
    assert.containsSubset(payment, { partnerOrderId: input.attemptId, total: 12_900 })
  })

  test('a retried confirm answers from the order and never approves twice', async ({ assert }) => {
    const adapter = create()
    const { session, confirm, result } = await pay(adapter)
    const calls = server.approveCalls
    assert.deepEqual(await confirm(), result)
    assert.equal(server.approveCalls, calls, 'approve was not called again')
    const payment = server.payments.get(session.providerReference)!
    assert.lengthOf(
      payment.actions.filter((a) => a.payment_action_type === 'PAYMENT'),
      1
    )
  })

  test('a retried refund is found by its payload and cancels once on the server', async ({
    assert,
  }) => {
    const adapter = create()
    const { input, session } = await pay(adapter)
    const first = await adapter.refund(refundOf(input, session, 3_000, 'refund-1'))
    const again = await adapter.refund(refundOf(input, session, 3_000, 'refund-1'))
    assert.deepEqual(again, first)
    assert.containsSubset(first, { status: 'refunded', amount: 3_000, currency: 'KRW' })
    const payment = server.payments.get(session.providerReference)!
    assert.equal(payment.canceled, 3_000)
    assert.equal(payment.status, 'PART_CANCEL_PAYMENT')
  })

  test('declines a refund above what is left, with KakaoPay code', async ({ assert }) => {
    const adapter = create()
    const { input, session } = await pay(adapter)
    await adapter.refund(refundOf(input, session, 10_000, 'refund-1'))
    const over = await adapter.refund(refundOf(input, session, 5_000, 'refund-2'))
    assert.deepEqual(over, {
      status: 'declined',
      code: '-706',
      reason: 'cancel amount exceeds cancelable amount',
    })
    assert.equal(server.payments.get(session.providerReference)!.canceled, 10_000)
  })

  test('reports the amount KakaoPay approved, even when it differs from the request', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput({ amount: 12_900 })
    const session = await adapter.initiate(input)
    const params = returnParams(server.approveAsShopper(session.providerReference))
    const result = await adapter.confirm({
      ...input,
      amount: 9_900,
      providerReference: session.providerReference,
      params,
    })
    assert.containsSubset(result, { status: 'captured', amount: 12_900, currency: 'KRW' })
  })

  test('declines a pg_token KakaoPay did not issue', async ({ assert }) => {
    const adapter = create()
    const input = initiateInput()
    const session = await adapter.initiate(input)
    server.approveAsShopper(session.providerReference)
    const result = await adapter.confirm({
      ...input,
      providerReference: session.providerReference,
      params: { pg_token: 'forged' },
    })
    assert.containsSubset(result, { status: 'declined', code: '-701' })
  })

  test('cancels an approved payment in full', async ({ assert }) => {
    const adapter = create()
    const { input, session } = await pay(adapter)
    await adapter.refund(refundOf(input, session, 2_900, 'refund-1'))
    const result = await adapter.cancel({
      ...refundOf(input, session, 0, 'cancel'),
      reason: 'seller cancelled',
    })
    assert.deepEqual(result, { status: 'canceled', providerReference: session.providerReference })
    assert.containsSubset(server.payments.get(session.providerReference), {
      status: 'CANCEL_PAYMENT',
      canceled: 12_900,
    })
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE on a KakaoPay 500', async ({ assert }) => {
    const adapter = create()
    server.failNext(500)
    await assert.rejects(
      () => adapter.initiate(initiateInput()),
      PaymentProviderUnavailableException
    )
    const { input, session } = await pay(adapter)
    server.failNext(503)
    await assert.rejects(
      () => adapter.refund(refundOf(input, session, 1_000, 'refund-1')),
      PaymentProviderUnavailableException
    )
    assert.equal(server.payments.get(session.providerReference)!.canceled, 0)
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE when KakaoPay cannot be reached', async ({
    assert,
  }) => {
    const adapter = new KakaoPayAdapter({
      secretKey: SECRET_KEY,
      cid: CID,
      apiUrl: 'http://127.0.0.1:9',
    })
    await assert.rejects(
      () => adapter.initiate(initiateInput()),
      PaymentProviderUnavailableException
    )
  })

  test('names the environment variable of a missing option', ({ assert }) => {
    assert.throws(() => kakaopayAdapter({ cid: CID }), /KAKAOPAY_SECRET_KEY/)
    assert.throws(() => kakaopayAdapter({ secretKey: SECRET_KEY }), /KAKAOPAY_CID/)
    assert.throws(
      () => kakaopayAdapter({ secretKey: SECRET_KEY, cid: CID, apiUrl: 'not a url' }),
      /KAKAOPAY_API_URL/
    )
    assert.throws(() => new KakaoPayAdapter({ cid: ' ' }), PaymentAdapterMisconfiguredException)
    assert.equal(kakaopayAdapter({ secretKey: SECRET_KEY, cid: CID })().code, 'kakaopay')
  })

  test('refuses a wrong secret key at ready, naming the keys to check', async ({ assert }) => {
    const adapter = new KakaoPayAdapter({ secretKey: 'wrong', cid: CID, apiUrl: server.url })
    await assert.rejects(() => adapter.initiate(initiateInput()), /KAKAOPAY_SECRET_KEY/)
  })
})
