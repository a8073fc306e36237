import { isIPv4, isIPv6 } from 'node:net'

/**
 * The part of a client's address that rate limits count by. An IPv4 address
 * is one client. An IPv6 client holds a whole /64 (one home or server gets
 * 2^64 addresses), so counting per IPv6 address would let it pick a fresh
 * address for every request; IPv4 written as IPv6 (::ffff:1.2.3.4) is IPv4.
 */
export function rateLimitSubject(ip: string): string {
  const address = ip.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped && isIPv4(mapped[1])) return mapped[1]
  if (!isIPv6(address)) return address
  const groups = ipv6Groups(address)
  return `${groups.slice(0, 4).join(':')}::/64`
}

/** The eight groups of an IPv6 address, without leading zeros (`::` expanded). */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::')
  const parts = (text: string | undefined) => (text ? text.split(':') : [])
  const headParts = parts(head)
  const tailParts = parts(tail)
  const last = tailParts.length ? tailParts : headParts
  // An IPv4 tail (::1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  if (last.length && isIPv4(last[last.length - 1])) {
    const [a, b, c, d] = last.pop()!.split('.').map(Number)
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16))
  }
  const missing = tail === undefined ? 0 : 8 - headParts.length - tailParts.length
  return [...headParts, ...Array(missing).fill('0'), ...tailParts].map((group) =>
    Number.parseInt(group, 16).toString(16)
  )
}
