import { column } from '@adonisjs/lucid/orm'

/**
 * A JSON value kept in a text column (the same on SQLite and PostgreSQL):
 * serialised on save, parsed on load.
 */
export function jsonColumn<T>() {
  return column({
    prepare: (value: T | null) =>
      value === null || value === undefined ? null : JSON.stringify(value),
    consume: (value: string | T | null) =>
      typeof value === 'string' ? (JSON.parse(value) as T) : value,
  })
}
