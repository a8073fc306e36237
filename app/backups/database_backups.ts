import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import config from '@adonisjs/core/services/config'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR, type Actor } from '#audit/actor'
import { verifyAuditChain } from '#audit/chain_verifier'
import { configuredAnchorStore } from '#audit/anchoring'
import DatabaseBackedUp from '#events/database_backed_up'
import DatabaseRestored from '#events/database_restored'
import { backupName, pruneBackups, EXTENSIONS, type BackupKind } from '#backups/backup_files'
import { BackupError } from '#backups/errors'
import { backupSqlite, inspectSqliteBackup, restoreSqlite } from '#backups/sqlite_backups'
import { dumpPg, inspectPgDump, restorePg, type PgConnection } from '#backups/pg_backups'

interface BackupSettings {
  directory: string
  keep: number
  pgDump: string
  pgRestore: string
}

/** Bookkeeping tables that hold rows even in a database nothing was stored in yet. */
const BOOKKEEPING = new Set(['adonis_schema', 'adonis_schema_versions'])

const settings = () => config.get<BackupSettings>('backups')

/** The kind of backup the configured database makes. */
function currentKind(): BackupKind {
  return db.connection().dialect.name === 'postgres' ? 'pg' : 'sqlite'
}

function sqliteFile(): string {
  return config.get<string>(`database.connections.${db.primaryConnectionName}.connection.filename`)
}

function pgConnection(): PgConnection {
  return config.get<PgConnection>(`database.connections.${db.primaryConnectionName}.connection`)
}

export interface BackupOutcome {
  file: string
  bytes: number
  /** Older backups deleted by the retention (BACKUP_KEEP). */
  pruned: string[]
}

/**
 * Backs up the database to `directory` (DATA_DIR/backups by default), under
 * a name that sorts by time. The file appears only once complete, the
 * backup is audited, then the oldest beyond BACKUP_KEEP are deleted.
 */
export async function backupDatabase(
  options: { directory?: string; actor?: Actor } = {}
): Promise<BackupOutcome> {
  const { directory = settings().directory, actor = SYSTEM_ACTOR } = options
  await mkdir(directory, { recursive: true })
  const kind = currentKind()
  const name = backupName(kind)
  const file = join(directory, name)
  const partial = `${file}.partial`
  try {
    if (kind === 'sqlite') await backupSqlite(sqliteFile(), partial)
    else await dumpPg(pgConnection(), partial, settings().pgDump)
    await rename(partial, file)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
  const { size } = await stat(file)
  await db.transaction((trx) =>
    new DatabaseBackedUp({ name, directory, bytes: size }, actor).record(trx)
  )
  const pruned = await pruneBackups(directory, settings().keep)
  return { file, bytes: size, pruned }
}

/** The tables of the configured database that hold rows. */
export async function tablesWithRows(): Promise<string[]> {
  const connection = db.connection()
  const tables = await connection.getAllTables(['public'])
  const filled: string[] = []
  for (const table of tables.filter((name) => !BOOKKEEPING.has(name)).sort()) {
    const row = await connection.from(table).select(db.raw('1 as present')).first()
    if (row) filled.push(table)
  }
  return filled
}

export interface RestoreOutcome {
  /** Audit events the backup held; the restore's own event comes after them. */
  eventsRestored: number
}

/**
 * Replaces the configured database with the backup in `file`. The file must
 * be a Jangteo backup of this database's kind; a database that holds data
 * is replaced only with `force`. The restored audit log is verified, then
 * the restore itself is recorded on top of it and anchored.
 */
export async function restoreDatabase(
  file: string,
  options: { force?: boolean; actor?: Actor } = {}
): Promise<RestoreOutcome> {
  const path = resolve(file)
  const kind = currentKind()
  const found = await stat(path).catch(() => null)
  if (!found?.isFile()) throw new BackupError('E_BACKUP_NOT_FOUND', `No backup file at ${path}`)
  if (!path.endsWith(EXTENSIONS[kind])) {
    throw new BackupError(
      'E_BACKUP_WRONG_KIND',
      `${basename(path)} is not a backup of this ${kind === 'pg' ? 'PostgreSQL' : 'SQLite'} database (expected a ${EXTENSIONS[kind]} file)`
    )
  }
  if (kind === 'sqlite') await inspectSqliteBackup(path)
  else await inspectPgDump(path, settings().pgRestore)

  if (kind === 'sqlite') await mkdir(dirname(sqliteFile()), { recursive: true })
  const filled = await tablesWithRows()
  if (filled.length && !options.force) {
    throw new BackupError(
      'E_DATABASE_NOT_EMPTY',
      `The database is not empty (${filled.length} tables hold rows, e.g. ${filled.slice(0, 3).join(', ')}): nothing was restored. ` +
        'Re-run with --force to replace it with the backup.'
    )
  }

  if (kind === 'sqlite') {
    // This process's own connections would keep the replaced file open.
    await db.manager.closeAll()
    await restoreSqlite(path, sqliteFile())
  } else {
    await restorePg(pgConnection(), path, settings().pgRestore)
  }

  const report = await verifyAuditChain()
  if (!report.ok) {
    throw new BackupError(
      'E_RESTORED_CHAIN_BROKEN',
      `Restored ${basename(path)}, but its audit log does not verify: ${report.message}. ` +
        'Is AUDIT_KEY the key the backup was written with? No restore event was recorded.'
    )
  }
  const eventsRestored = report.rows
  await db.transaction((trx) =>
    new DatabaseRestored(
      { name: basename(path), file: path, eventsRestored },
      options.actor ?? SYSTEM_ACTOR
    ).record(trx)
  )
  // Anchors taken after the backup describe the history the restore
  // replaced; this one tells the verifier to set them aside (currentAnchors).
  const head = await db.from('audit_chain_heads').where('id', 1).firstOrFail()
  await configuredAnchorStore().append({
    eventId: Number(head.last_event_id),
    hash: head.last_hash,
    anchoredAt: new Date().toISOString(),
    restored: basename(path),
  })
  return { eventsRestored }
}
