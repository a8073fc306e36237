import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createSellerOwner } from '#database/factories/index'
import { save, versionsOf } from './shipping_helpers.js'

test.group('Seller center | shipping amounts and weights must be numbers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an amount or a weight posted twice (field[]=…) is a field error, not a number', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()

    const amount = await save(client, owner, 'domestic', {
      code: 'flat',
      version: 0,
      options: { amount: ['3000'] },
    })
    amount.assertStatus(302)
    assert.deepEqual(Object.keys(amount.flashMessage('inputErrorsBag')), ['options.amount'])

    const weight = await save(client, owner, 'domestic', {
      code: 'weight_bands',
      version: 0,
      options: { bands: [{ upToGrams: ['2000'], amount: '3000' }] },
    })
    weight.assertStatus(302)
    assert.deepEqual(Object.keys(weight.flashMessage('inputErrorsBag')), [
      'options.bands.0.upToGrams',
    ])
    assert.lengthOf(await versionsOf(seller), 0)
  })
})
