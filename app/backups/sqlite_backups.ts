import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { BackupError } from '#backups/errors'

/** Pages per step of the backup API: all of them, so the copy is one consistent snapshot. */
const ALL_PAGES = 0x7fffffff

/**
 * Copies the live database through SQLite's online backup API, consistent
 * while the app writes (WAL lets it go on writing meanwhile). The copy is
 * switched out of WAL mode, so the backup is one self-contained file.
 */
export async function backupSqlite(source: string, destination: string) {
  if (!existsSync(source)) {
    throw new BackupError(
      'E_BACKUP_NOT_FOUND',
      `No SQLite database at ${source}: nothing to back up`
    )
  }
  const database = new Database(source, { fileMustExist: true })
  try {
    database.pragma('busy_timeout = 5000')
    await database.backup(destination, { progress: () => ALL_PAGES })
  } finally {
    database.close()
  }
  const copy = new Database(destination, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

/** Checks that `file` is an intact SQLite database holding Jangteo's tables. */
export async function inspectSqliteBackup(file: string) {
  const handle = await open(file, 'r')
  const header = Buffer.alloc(16)
  try {
    await handle.read(header, 0, 16, 0)
  } finally {
    await handle.close()
  }
  if (header.toString('latin1') !== 'SQLite format 3\u0000') {
    throw new BackupError('E_BACKUP_WRONG_KIND', `${file} is not an SQLite backup`)
  }
  const database = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[]
    if (!tables.includes('adonis_schema') || !tables.includes('audit_events')) {
      throw new BackupError(
        'E_BACKUP_WRONG_KIND',
        `${file} is an SQLite file but not a Jangteo backup`
      )
    }
    const check = database.pragma('quick_check', { simple: true })
    if (check !== 'ok') {
      throw new BackupError('E_BACKUP_WRONG_KIND', `${file} is damaged: ${String(check)}`)
    }
  } finally {
    database.close()
  }
}

/**
 * Replaces the database file with a copy of the backup, atomically: the copy
 * is written beside it, flushed, then renamed over it, so a crash leaves the
 * old file or the new one, never half of each. The old file's WAL is folded
 * in and removed first: left behind, it would be replayed onto the restored
 * file. No other process may have the file open (stop the app first).
 */
export async function restoreSqlite(backup: string, target: string) {
  const temporary = `${target}.restoring-${randomBytes(4).toString('hex')}`
  try {
    await copyFile(backup, temporary)
    await flush(temporary)
    const current = new Database(target)
    try {
      current.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      current.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  await Promise.all(['-wal', '-shm'].map((suffix) => rm(target + suffix, { force: true })))
  await flush(dirname(target))
}

async function flush(path: string) {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
