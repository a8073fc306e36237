import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Whether an Authorization header carries `Bearer <expected>`. Both sides are
 * hashed first, so the comparison takes the same time whatever the length
 * or the first differing character of a guess.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const given = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? ''
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0
}
