import { spawn } from 'node:child_process'
import { open } from 'node:fs/promises'
import { BackupError } from '#backups/errors'

/** The PostgreSQL connection of config/database.ts. */
export interface PgConnection {
  host?: string
  port?: number
  user?: string
  password?: string
  database?: string
}

/** libpq's variables: the password travels in the environment, never on the command line. */
function libpqEnv(connection: PgConnection) {
  const env: Record<string, string> = { ...process.env } as Record<string, string>
  const set = (key: string, value: unknown) => {
    if (value === undefined || value === null || value === '') delete env[key]
    else env[key] = String(value)
  }
  set('PGHOST', connection.host)
  set('PGPORT', connection.port)
  set('PGUSER', connection.user)
  set('PGPASSWORD', connection.password)
  set('PGDATABASE', connection.database)
  return env
}

/** Runs a PostgreSQL tool; resolves with its output, or throws with what it said. */
function run(tool: string, args: string[], connection: PgConnection) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(tool, args, { env: libpqEnv(connection) })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error: NodeJS.ErrnoException) => {
      const hint = tool.includes('restore') ? 'PG_RESTORE_PATH' : 'PG_DUMP_PATH'
      reject(
        new BackupError(
          'E_BACKUP_TOOL_FAILED',
          error.code === 'ENOENT'
            ? `"${tool}" was not found: install PostgreSQL's client tools or set ${hint}`
            : `"${tool}" could not run: ${error.message}`
        )
      )
    })
    child.on('close', (code) => {
      if (code === 0) return resolve(stdout)
      reject(new BackupError('E_BACKUP_TOOL_FAILED', `"${tool}" failed: ${stderr.trim()}`))
    })
  })
}

/** A custom-format dump (compressed, restorable table by table) of the whole database. */
export async function dumpPg(connection: PgConnection, file: string, pgDump: string) {
  await run(pgDump, ['--format=custom', '--no-password', `--file=${file}`], connection)
}

/** Checks that `file` is a custom-format dump holding Jangteo's tables. */
export async function inspectPgDump(file: string, pgRestore: string) {
  const handle = await open(file, 'r')
  const header = Buffer.alloc(5)
  try {
    await handle.read(header, 0, 5, 0)
  } finally {
    await handle.close()
  }
  if (header.toString('latin1') !== 'PGDMP') {
    throw new BackupError(
      'E_BACKUP_WRONG_KIND',
      `${file} is not a PostgreSQL backup (pg_dump --format=custom)`
    )
  }
  const contents = await run(pgRestore, ['--list', file], {})
  if (!/ TABLE \S+ adonis_schema /.test(contents) || !/ TABLE \S+ audit_events /.test(contents)) {
    throw new BackupError(
      'E_BACKUP_WRONG_KIND',
      `${file} is a PostgreSQL dump but not a Jangteo backup`
    )
  }
}

/**
 * Restores the dump into the configured database in one transaction: the
 * objects it holds are dropped and re-created, and on any error nothing is
 * changed.
 */
export async function restorePg(connection: PgConnection, file: string, pgRestore: string) {
  await run(
    pgRestore,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${connection.database}`,
      file,
    ],
    connection
  )
}
