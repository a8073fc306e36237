import db from '@adonisjs/lucid/services/db'

/**
 * Input no client may get a 5xx or a write with: numbers beyond what the
 * columns hold, text with a NUL character, text longer than any field.
 */

/** A hostile value: how to write it in a URL or form, and in JSON text. */
export interface Hostile {
  label: string
  text: string
  /** JSON source (1e309 has no JSON.stringify form: it parses to Infinity). */
  json: string
}

/** Out-of-range integers: beyond `integer`, beyond `bigint`, negative, beyond a double. */
export const HOSTILE_INTEGERS: Hostile[] = [
  { label: '2^31', text: '2147483648', json: '2147483648' },
  { label: '2^63', text: '9223372036854775808', json: '9223372036854775808' },
  { label: '-1', text: '-1', json: '-1' },
  { label: '1e309', text: '1e309', json: '1e309' },
]

/** Text a URL can still carry (Node refuses headers over 16 KB) and a body field. */
const LONG_URL_TEXT = 'x'.repeat(4000)
const LONG_BODY_TEXT = 'x'.repeat(100_000)

/** Text with a NUL character, and text longer than any field accepts. */
export function hostileTexts(where: 'url' | 'body'): Hostile[] {
  const long = where === 'url' ? LONG_URL_TEXT : LONG_BODY_TEXT
  return [
    { label: 'NUL', text: 'a\u0000b', json: JSON.stringify('a\u0000b') },
    { label: `${long.length} characters`, text: long, json: JSON.stringify(long) },
  ]
}

/** Tables whose rows a request may add without writing business data. */
const BOOKKEEPING = new Set(['adonis_schema', 'adonis_schema_versions', 'rate_limits', 'sessions'])

/** The tables of the test database (asked inside the test's transaction). */
async function tableNames(): Promise<string[]> {
  const connection = db.connection()
  const sql =
    connection.dialect.name === 'postgres'
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
  const result = await connection.rawQuery(sql)
  const rows: { name: string }[] = Array.isArray(result) ? result : result.rows
  return rows.map((row) => row.name).filter((name) => !BOOKKEEPING.has(name))
}

/** The number of rows of every table, in one query. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = await tableNames()
  const union = tables
    .map((table) => `SELECT '${table}' AS name, COUNT(*) AS total FROM "${table}"`)
    .join(' UNION ALL ')
  const result = await db.connection().rawQuery(union)
  const rows: { name: string; total: number | string }[] = Array.isArray(result)
    ? result
    : result.rows
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.total)]))
}

/** The tables whose row count differs between two snapshots, with both counts. */
export function changedTables(before: Record<string, number>, after: Record<string, number>) {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table]} → ${after[table]}`)
}
