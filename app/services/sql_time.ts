import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * A timestamp for raw UPDATE/INSERT statements, in the format Lucid itself
 * writes for the connection's dialect (so raw and model writes read back
 * alike on SQLite and PostgreSQL).
 */
export function sqlTimestamp(client: QueryClientContract, at: DateTime = DateTime.now()) {
  return at.toFormat(client.dialect.dateTimeFormat)
}
