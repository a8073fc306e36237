import { randomBytes } from 'node:crypto'

/**
 * A URL slug that keeps Korean (and any other) letters, e.g.
 * "무선 이어폰 Pro" → "무선-이어폰-pro-k3x9q2". The random suffix keeps slugs
 * unique without a lookup and stable when the title later changes.
 */
export function uniqueSlug(text: string): string {
  const base = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  const suffix = randomBytes(4).readUInt32BE().toString(36).padStart(6, '0').slice(-6)
  return base ? `${base}-${suffix}` : suffix
}
