import env from '#start/env'
import { dataPath } from '#config/data'

/**
 * Database backups (`node ace db:backup`, and on a schedule from the queue
 * worker). They hold the database only: APP_KEY and AUDIT_KEY live in the
 * environment and media under DATA_DIR/media, each backed up on its own.
 */
export default {
  directory: dataPath('backups'),
  /** The newest backups kept after each successful one; 0 keeps them all. */
  keep: env.get('BACKUP_KEEP', 14),
  /** How often the scheduled job backs up (a duration: '1d', '6h'), or 'off'. */
  every: env.get('BACKUP_EVERY', '1d'),
  /** PostgreSQL's tools, from PATH unless given. */
  pgDump: env.get('PG_DUMP_PATH') || 'pg_dump',
  pgRestore: env.get('PG_RESTORE_PATH') || 'pg_restore',
}
