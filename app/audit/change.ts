/**
 * The before/after picture of a change. Only fields that changed are kept,
 * and secrets are never written.
 */
export interface Change {
  before: Record<string, unknown>
  after: Record<string, unknown>
}

const SECRET_FIELD = /password|token|secret|bankAccountNumber|apiKey/i

/** Whether a field holds a secret: never logged, audited, flashed or stored in clear. */
export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name)
}

/** Replaces secret values with a marker that still shows that they changed. */
function redact(fields: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      SECRET_FIELD.test(key) ? '[redacted]' : value,
    ])
  )
}

function normalize(value: unknown): unknown {
  if (value && typeof value === 'object' && 'toISO' in value) {
    return (value as { toISO(): string }).toISO()
  }
  return value ?? null
}

/**
 * Builds a Change from two snapshots, keeping only the keys whose values
 * differ. Pass `{}` as `before` for a creation and as `after` for a deletion.
 */
export function changeBetween(
  before: Record<string, unknown>,
  after: Record<string, unknown>
): Change {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const diff: Change = { before: {}, after: {} }
  for (const key of keys) {
    const was = normalize(before[key])
    const now = normalize(after[key])
    if (JSON.stringify(was) === JSON.stringify(now)) continue
    if (key in before) diff.before[key] = was
    if (key in after) diff.after[key] = now
  }
  return { before: redact(diff.before), after: redact(diff.after) }
}

/** Picks the named fields of a model or object, for use with changeBetween. */
export function snapshot<T extends object, K extends keyof T & string>(
  source: T,
  fields: readonly K[]
): Record<K, unknown> {
  return Object.fromEntries(fields.map((field) => [field, source[field]])) as Record<K, unknown>
}
