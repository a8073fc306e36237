import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

/** What a backup holds: an SQLite file or a PostgreSQL custom-format dump. */
export type BackupKind = 'sqlite' | 'pg'

export const EXTENSIONS: Record<BackupKind, string> = { sqlite: '.sqlite3', pg: '.dump' }

/** jangteo-2026-12-07T23-59-00.123Z.sqlite3: sorts by time, and is safe in any file system. */
const NAME = /^jangteo-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.(sqlite3|dump)$/

/** The file name of a backup taken at `at`. */
export function backupName(kind: BackupKind, at = new Date()) {
  return `jangteo-${at.toISOString().replaceAll(':', '-')}${EXTENSIONS[kind]}`
}

/** The backups in `directory`, oldest first; other files are not ours and are left alone. */
export async function listBackups(directory: string) {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return names.filter((name) => NAME.test(name)).sort()
}

/**
 * Deletes all but the `keep` newest backups (0 keeps them all). Runs only
 * after a backup succeeded, so a failing backup never eats the good ones.
 */
export async function pruneBackups(directory: string, keep: number) {
  if (keep <= 0) return []
  const backups = await listBackups(directory)
  const old = backups.slice(0, Math.max(0, backups.length - keep))
  for (const name of old) await rm(join(directory, name), { force: true })
  return old
}
