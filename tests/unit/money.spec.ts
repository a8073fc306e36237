import { test } from '@japa/runner'
import { formatMoney, fractionDigits, toMajorUnits, toMinorUnits } from '#services/money'

test.group('Money | minor units', () => {
  test('knows that KRW has no minor digits and USD has two', ({ assert }) => {
    assert.equal(fractionDigits('KRW'), 0)
    assert.equal(fractionDigits('JPY'), 0)
    assert.equal(fractionDigits('USD'), 2)
    assert.equal(fractionDigits('KWD'), 3)
  })

  test('converts typed amounts to minor units without float drift', ({ assert }) => {
    assert.equal(toMinorUnits(12900, 'KRW'), 12900)
    assert.equal(toMinorUnits(12.99, 'USD'), 1299)
    assert.equal(toMinorUnits(0.29, 'USD'), 29)
    assert.equal(toMajorUnits(1299, 'USD'), 12.99)
  })

  test('formats prices for Korean and English visitors', ({ assert }) => {
    assert.equal(formatMoney(12900, 'KRW', 'ko'), '₩12,900')
    assert.equal(formatMoney(12900, 'KRW', 'en'), '₩12,900')
    assert.equal(formatMoney(1299, 'USD', 'en'), '$12.99')
    assert.equal(formatMoney(1299, 'USD', 'ko'), 'US$12.99')
  })
})
