import { test } from '@japa/runner'
import vine from '@vinejs/vine'

/** The app's quantity rule, as the cart validators write it. */
const quantity = vine.create({ quantity: vine.number().withoutDecimals().min(1).max(99) })

test.group('Number inputs | only numbers and decimal text are numbers', () => {
  test('{label} is refused as not a number')
    .with([
      { label: '[1]', value: [1] },
      { label: '["1"]', value: ['1'] },
      { label: 'true', value: true },
      { label: 'false', value: false },
      { label: '[]', value: [] },
      { label: '{}', value: {} },
      { label: '"0x10"', value: '0x10' },
      { label: '"1e1"', value: '1e1' },
      { label: '" "', value: ' ' },
      { label: '"Infinity"', value: 'Infinity' },
      { label: '"2 3"', value: '2 3' },
    ])
    .run(async ({ assert }, { value }) => {
      const [error] = await quantity.tryValidate({ quantity: value })
      assert.deepEqual(
        error?.messages.map((message: { field: string; rule: string }) => [
          message.field,
          message.rule,
        ]),
        [['quantity', 'number']]
      )
    })

  test('numbers, and text that is a plain decimal, are taken', async ({ assert }) => {
    for (const [value, expected] of [
      [3, 3],
      ['3', 3],
      [' 4 ', 4],
      ['05', 5],
    ] as const) {
      const [error, data] = await quantity.tryValidate({ quantity: value })
      assert.isNull(error, String(value))
      assert.equal(data?.quantity, expected)
    }
    const price = vine.create({ price: vine.number().decimal([0, 2]) })
    const [, data] = await price.tryValidate({ price: '12.99' })
    assert.equal(data?.price, 12.99)
    const [negative] = await quantity.tryValidate({ quantity: '-1' })
    assert.deepEqual(
      negative?.messages.map((message: { rule: string }) => message.rule),
      ['min']
    )
  })
})
