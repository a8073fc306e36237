import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header a signed alert carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'X-Jangteo-Signature'

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${digest}`
}

/**
 * What a receiver runs: the raw body must match the header's signature,
 * made with the shared secret, and its timestamp be within `toleranceSeconds`
 * of now (a captured delivery cannot be replayed later). Comparison is
 * constant-time.
 */
export function verifyWebhook(
  secret: string,
  header: string | undefined,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {}
): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string])
  )
  const timestamp = Number(parts.t)
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false
  const now = options.now ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false
  const expected = Buffer.from(signWebhook(secret, body, timestamp).split('v1=')[1], 'hex')
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'))
}
