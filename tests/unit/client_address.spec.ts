import { test } from '@japa/runner'
import { rateLimitSubject } from '#services/client_address'

test.group('Rate limits | the client an address counts as', () => {
  test('an IPv4 address is its own client, written plainly or as IPv6', ({ assert }) => {
    assert.equal(rateLimitSubject('203.0.113.7'), '203.0.113.7')
    assert.equal(rateLimitSubject('::ffff:203.0.113.7'), '203.0.113.7')
    assert.equal(rateLimitSubject('::FFFF:203.0.113.7'), '203.0.113.7')
    assert.notEqual(rateLimitSubject('203.0.113.7'), rateLimitSubject('203.0.113.8'))
  })

  test('every address of one IPv6 /64 is one client, however it is written', ({ assert }) => {
    const subject = '2001:db8:1:2::/64'
    for (const address of [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:DB8:1:2:a:b:c:d',
      '2001:db8:1:2::1.2.3.4',
      '2001:db8:1:2::1%eth0',
    ]) {
      assert.equal(rateLimitSubject(address), subject, address)
    }
    assert.equal(rateLimitSubject('2001:db8::1'), '2001:db8:0:0::/64')
    assert.equal(rateLimitSubject('::1'), '0:0:0:0::/64')
    assert.notEqual(rateLimitSubject('2001:db8:1:3::1'), subject)
  })
})
