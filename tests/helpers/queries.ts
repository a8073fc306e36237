import db from '@adonisjs/lucid/services/db'

/**
 * Counts the SQL statements the database client runs while `work` runs, so
 * tests can prove that a page costs the same number of queries whatever its
 * size (no N+1).
 */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const client = db.connection().getWriteClient()
  let count = 0
  const listener = () => count++
  client.on('query', listener)
  try {
    await work()
  } finally {
    client.off('query', listener)
  }
  return count
}
