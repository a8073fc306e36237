import { test } from '@japa/runner'
import { BankTransferAdapter } from '#payments/adapters/bank_transfer_adapter'
import { TestCardAdapter } from '#payments/adapters/test_card_adapter'
import {
  PaymentAdapterMisconfiguredException,
  PaymentMethodRejectedException,
  PaymentProviderUnavailableException,
} from '#payments/errors'
import type { PaymentResult } from '#payments/types'
import { initiateInput, paymentAdapterSuite } from './payment_adapter_suite.js'

const BANK = { bankName: '장터은행', accountNumber: '000-000-000000', accountHolder: '장터' }
const SECRET = 'conformance-secret-0123456789'
const card = (cardNumber: string, expiry = '12/49') => ({ cardNumber, expiry, cvc: '123' })

paymentAdapterSuite({
  test,
  name: 'bank_transfer',
  create: () => new BankTransferAdapter(BANK),
  scenario: {
    // The shopper says they transferred; the admin then marks the deposit received.
    approve: () => ({}),
    settle: ({ adapter, input, pending }) =>
      adapter.capture({
        attemptId: input.attemptId,
        idempotencyKey: `${input.attemptId}:deposit-received`,
        providerReference: pending.status === 'pending' ? pending.providerReference : '',
        amount: input.amount,
        currency: input.currency,
      }),
  },
})

paymentAdapterSuite({
  test,
  name: 'test_card',
  create: () => new TestCardAdapter({ secret: SECRET }),
  scenario: {
    approve: () => card('4242 4242 4242 4242'),
    decline: () => card('4000 0000 0000 0002'),
    savedMethod: { approve: card('4242424242424242'), decline: card('4000000000009995') },
  },
})

/** Confirms one test card on a fresh payment. */
async function confirmCard(
  params: Record<string, string>,
  capture: 'automatic' | 'manual' = 'automatic'
) {
  const adapter = new TestCardAdapter({ secret: SECRET })
  const input = initiateInput({ capture })
  const session = await adapter.initiate(input)
  return adapter.confirm({ ...input, providerReference: session.providerReference, params })
}

/** An error as a log line would show it, own fields included. */
function errorFields(error: Error) {
  return { ...error, message: error.message, stack: error.stack }
}

function declineCode(result: PaymentResult) {
  return result.status === 'declined' ? result.code : result.status
}

test.group('Payment adapters | test_card numbers', () => {
  test('approves 4242 4242 4242 4242 as a Visa, showing only the last four digits', async ({
    assert,
  }) => {
    const result = await confirmCard(card('4242 4242 4242 4242'))
    assert.containsSubset(result, {
      status: 'captured',
      amount: 12_900,
      currency: 'KRW',
      method: { brand: 'visa', last4: '4242', expiresAt: '2049-12' },
    })
  })

  test('names the brand of other valid numbers', async ({ assert }) => {
    const result = await confirmCard(card('5555 5555 5555 4444'))
    assert.containsSubset(result, { status: 'captured', method: { brand: 'mastercard' } })
  })

  test('declines each decline number with its code', async ({ assert }) => {
    assert.equal(declineCode(await confirmCard(card('4000000000000002'))), 'card_declined')
    assert.equal(declineCode(await confirmCard(card('4000000000009995'))), 'insufficient_funds')
    assert.equal(declineCode(await confirmCard(card('4000000000000069'))), 'expired_card')
  })

  test('declines numbers that fail Luhn or are not 13 to 19 digits as invalid_number', async ({
    assert,
  }) => {
    for (const number of ['4242424242424241', '424242424242', '42424242424242424242', 'abcd']) {
      assert.equal(declineCode(await confirmCard(card(number))), 'invalid_number', number)
    }
  })

  test('declines an expiry in the past as expired_card', async ({ assert }) => {
    assert.equal(declineCode(await confirmCard(card('4242424242424242', '01/20'))), 'expired_card')
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE for the outage number', async ({ assert }) => {
    await assert.rejects(
      () => confirmCard(card('4000 0000 0000 0119')),
      PaymentProviderUnavailableException
    )
  })

  test('sends the shopper to the sandbox form of the attempt', async ({ assert }) => {
    const input = initiateInput()
    const adapter = new TestCardAdapter({ secret: SECRET, checkoutPath: '/sandbox/card/' })
    assert.deepEqual(await adapter.initiate(input), {
      type: 'redirect',
      url: `/sandbox/card/${input.attemptId}`,
      providerReference: `tc_${input.attemptId}`,
    })
  })
})

test.group('Payment adapters | test_card secrecy', () => {
  test('never returns the card number, in results, saved methods or errors', async ({ assert }) => {
    const adapter = new TestCardAdapter({ secret: SECRET })
    const input = initiateInput()
    const numbers = ['4242424242424242', '4000000000000002', '4000000000000119', '4242424242424241']
    for (const number of numbers) {
      const outputs: unknown[] = []
      for (const params of [card(number), card(number, '01/20')]) {
        const save = { idempotencyKey: 'k', customer: input.customer, params }
        const calls = [
          () => confirmCard(params),
          () => confirmCard(params, 'manual'),
          () => adapter.savePaymentMethod(save),
          async () => {
            const saved = await adapter.savePaymentMethod(save)
            return adapter.chargeSavedMethod({ ...input, ...saved })
          },
        ]
        for (const call of calls) outputs.push(await call().catch(errorFields))
      }
      assert.notInclude(JSON.stringify(outputs), number.slice(0, 12))
    }
  })

  test('refuses to save an invalid card, naming the reason', async ({ assert }) => {
    const adapter = new TestCardAdapter({ secret: SECRET })
    const save = (params: Record<string, string>) =>
      adapter.savePaymentMethod({ idempotencyKey: 'k', customer: { email: 'a@b.kr' }, params })
    await assert.rejects(() => save(card('4242424242424241')), PaymentMethodRejectedException)
    await assert.rejects(
      () => save(card('4242424242424242', '01/20')),
      PaymentMethodRejectedException,
      'The card has expired'
    )
  })

  test('declines a saved method that is forged or belongs to another customer', async ({
    assert,
  }) => {
    const adapter = new TestCardAdapter({ secret: SECRET })
    const input = initiateInput()
    const saved = await adapter.savePaymentMethod({
      idempotencyKey: 'k',
      customer: input.customer,
      params: card('4242424242424242'),
    })
    const charge = (providerMethodId: string, providerCustomerId: string) =>
      adapter.chargeSavedMethod({ ...input, providerMethodId, providerCustomerId })
    const other = 'tccus_someone-else'
    const forged = saved.providerMethodId.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAA')
    const otherSecret = await new TestCardAdapter({ secret: `${SECRET}!` }).chargeSavedMethod({
      ...input,
      ...saved,
    })
    assert.equal(declineCode(await charge(saved.providerMethodId, other)), 'invalid_payment_method')
    assert.equal(
      declineCode(await charge(forged, saved.providerCustomerId)),
      'invalid_payment_method'
    )
    assert.equal(declineCode(otherSecret), 'invalid_payment_method')
    assert.equal(
      declineCode(await charge(saved.providerMethodId, saved.providerCustomerId)),
      'captured'
    )
  })

  test('throws E_PAYMENT_PROVIDER_UNAVAILABLE when a saved outage card is charged', async ({
    assert,
  }) => {
    const adapter = new TestCardAdapter({ secret: SECRET })
    const input = initiateInput()
    const saved = await adapter.savePaymentMethod({
      idempotencyKey: 'k',
      customer: input.customer,
      params: card('4000000000000119'),
    })
    await assert.rejects(
      () => adapter.chargeSavedMethod({ ...input, ...saved }),
      PaymentProviderUnavailableException
    )
  })
})

test.group('Payment adapters | misconfiguration', () => {
  test('bank transfer names the environment variable of a missing option', ({ assert }) => {
    const cases = {
      bankName: 'BANK_TRANSFER_BANK_NAME',
      accountNumber: 'BANK_TRANSFER_ACCOUNT_NUMBER',
      accountHolder: 'BANK_TRANSFER_ACCOUNT_HOLDER',
    }
    for (const [option, envKey] of Object.entries(cases)) {
      try {
        new BankTransferAdapter({ ...BANK, [option]: ' ' })
        assert.fail(`expected ${option} to be required`)
      } catch (error) {
        assert.instanceOf(error, PaymentAdapterMisconfiguredException)
        assert.include((error as Error).message, envKey)
        assert.equal(
          (error as PaymentAdapterMisconfiguredException).code,
          'E_PAYMENT_ADAPTER_MISCONFIGURED'
        )
      }
    }
  })

  test('the test card adapter needs a secret', ({ assert }) => {
    assert.throws(() => new TestCardAdapter({ secret: '' }), /TEST_CARD_SECRET/)
  })
})
