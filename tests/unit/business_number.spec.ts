import { test } from '@japa/runner'
import { isValidBusinessNumber } from '#validators/rules/business_number'

test.group('Business registration number (사업자등록번호)', () => {
  test('accepts a number whose check digit matches, with or without dashes', ({ assert }) => {
    assert.isTrue(isValidBusinessNumber('2208162517'))
    assert.isTrue(isValidBusinessNumber('220-81-62517'))
    assert.isTrue(isValidBusinessNumber('1234567891'))
  })

  test('rejects a wrong check digit', ({ assert }) => {
    assert.isFalse(isValidBusinessNumber('2208162518'))
    assert.isFalse(isValidBusinessNumber('1234567890'))
  })

  test('rejects anything that is not ten digits', ({ assert }) => {
    for (const input of ['', '220816251', '22081625170', '22O8162517', '220 81 62517']) {
      assert.isFalse(isValidBusinessNumber(input), input)
    }
  })
})
