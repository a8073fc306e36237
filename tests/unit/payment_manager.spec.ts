import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { BankTransferAdapter } from '#payments/adapters/bank_transfer_adapter'
import { TestCardAdapter } from '#payments/adapters/test_card_adapter'
import { adapters, defineConfig } from '#payments/define_config'
import {
  PaymentAdapterMisconfiguredException,
  UnknownPaymentAdapterException,
} from '#payments/errors'
import { PaymentManager } from '#payments/payment_manager'

const BANK = { bankName: '장터은행', accountNumber: '000-000-000000', accountHolder: '장터' }

/** A manager over both built-ins that counts how often each factory runs. */
function managerCountingBuilds() {
  const builds = { bank_transfer: 0, test_card: 0 }
  const manager = new PaymentManager(
    defineConfig({
      default: 'bank_transfer',
      adapters: {
        bank_transfer: () => (builds.bank_transfer++, new BankTransferAdapter(BANK)),
        test_card: () => (builds.test_card++, new TestCardAdapter({ secret: 'x'.repeat(16) })),
      },
    })
  )
  return { manager, builds }
}

test.group('Payments | manager', () => {
  test('builds an adapter on first use and reuses it afterwards', ({ assert }) => {
    const { manager, builds } = managerCountingBuilds()
    assert.deepEqual(builds, { bank_transfer: 0, test_card: 0 })
    const card = manager.use('test_card')
    assert.strictEqual(manager.use('test_card'), card)
    assert.deepEqual(builds, { bank_transfer: 0, test_card: 1 })
  })

  test('uses the default adapter when no code is given', ({ assert }) => {
    const { manager } = managerCountingBuilds()
    assert.equal(manager.use().code, 'bank_transfer')
    assert.strictEqual(manager.use(), manager.use('bank_transfer'))
  })

  test('says where to register an unknown adapter', ({ assert }) => {
    const { manager } = managerCountingBuilds()
    assert.isFalse(manager.has('toss'))
    assert.isFalse(manager.has('constructor'))
    assert.throws(
      () => manager.use('toss'),
      'Unknown payment adapter "toss". Register it in config/payments.ts'
    )
    assert.throws(() => manager.use('toss'), UnknownPaymentAdapterException)
  })

  test('lists the enabled methods with labels and capabilities for the picker', ({ assert }) => {
    const { manager } = managerCountingBuilds()
    const methods = manager.enabled()
    assert.deepEqual(
      methods.map(({ code, label, isDefault }) => ({ code, label: label.ko, isDefault })),
      [
        { code: 'bank_transfer', label: '무통장입금', isDefault: true },
        { code: 'test_card', label: '테스트 카드', isDefault: false },
      ]
    )
    assert.isTrue(methods[1].capabilities.savedMethods)
    assert.isFalse(methods[0].capabilities.webhooks)
  })

  test('refuses an adapter registered under another code', ({ assert }) => {
    const manager = new PaymentManager(
      defineConfig({ default: 'cash', adapters: { cash: () => new BankTransferAdapter(BANK) } })
    )
    assert.throws(() => manager.use('cash'), PaymentAdapterMisconfiguredException)
  })
})

test.group('Payments | config', () => {
  test('refuses a default that is not registered, at compile time and at boot', ({ assert }) => {
    assert.throws(
      () =>
        defineConfig({
          // @ts-expect-error `default` must be a key of `adapters`
          default: 'test_card',
          adapters: { bank_transfer: () => new BankTransferAdapter(BANK) },
        }),
      /default payment adapter "test_card" is not registered/
    )
  })

  test('checks built-in adapter options when the config loads, not on first use', ({ assert }) => {
    assert.throws(
      () => adapters.bankTransfer({ ...BANK, accountNumber: '' }),
      /BANK_TRANSFER_ACCOUNT_NUMBER/
    )
    assert.throws(() => adapters.testCard({ secret: 'short' }), /TEST_CARD_SECRET/)
  })
})

test.group('Payments | provider', () => {
  test('registers one manager over config/payments.ts, bank transfer first', async ({ assert }) => {
    const manager = await app.container.make(PaymentManager)
    assert.strictEqual(await app.container.make(PaymentManager), manager)
    assert.deepEqual(
      manager.enabled().map(({ code, isDefault }) => [code, isDefault]),
      [
        ['bank_transfer', true],
        ['test_card', false],
      ]
    )
  })
})
