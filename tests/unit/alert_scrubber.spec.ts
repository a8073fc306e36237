import { test } from '@japa/runner'
import { scrub } from '#notifiers/alerts/scrubber'
import { messageTemplate } from '#notifiers/alerts/triggers/server_errors'

test.group('Alerts | scrubbing secrets', () => {
  test('the value of a secret environment variable is taken out', ({ assert }) => {
    const key = process.env.APP_KEY!
    assert.equal(scrub(`signing with ${key} failed`), 'signing with [redacted] failed')
  })

  test('credentials in URLs, bearer tokens and password pairs are taken out', ({ assert }) => {
    assert.equal(
      scrub('connect postgres://jangteo:s3cr3t@db.internal:5432/shop refused'),
      'connect postgres://[redacted]@db.internal:5432/shop refused'
    )
    assert.equal(scrub('retried with Bearer abc.def.ghi'), 'retried with Bearer [redacted]')
    assert.notInclude(scrub('Authorization: Bearer abc.def.ghi'), 'abc.def.ghi')
    assert.equal(
      scrub('login with password=hunter2 and token: "xyz"'),
      'login with password=[redacted] and token: "[redacted]"'
    )
  })

  test('card numbers (Luhn-valid) and token-like strings go; order numbers and ids stay', ({
    assert,
  }) => {
    assert.equal(scrub('charge 4242-4242-4242-4242 declined'), 'charge [card] declined')
    assert.equal(scrub('tracking 1234567890123 not found'), 'tracking 1234567890123 not found')
    assert.equal(
      scrub('order key q3Zk8V1xYbN4mW7pL2sT9rE5uA6cD0fG is wrong'),
      'order key [redacted] is wrong'
    )
    assert.equal(scrub('order JT2611-8K3QX7A, product 42'), 'order JT2611-8K3QX7A, product 42')
    assert.equal(
      scrub('at app/services/catalog/catalog_service.ts'),
      'at app/services/catalog/catalog_service.ts'
    )
  })

  test('scrubbing twice reads the same as once', ({ assert }) => {
    const once = scrub('password=hunter2) card 4242424242424242')
    assert.equal(scrub(once), once)
  })
})

test.group('Alerts | fingerprints', () => {
  test('numbers, ids and quoted values do not split one problem in two', ({ assert }) => {
    assert.equal(
      messageTemplate('Order 41 not found for "kim@example.com"'),
      messageTemplate('Order 4242 not found for "lee@example.com"')
    )
    assert.notEqual(messageTemplate('Order 41 not found'), messageTemplate('Product 41 not found'))
  })
})
