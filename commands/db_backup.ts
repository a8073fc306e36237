import { resolve } from 'node:path'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Backs up the database while the app keeps running: SQLite through its
 * online backup API, PostgreSQL with pg_dump. Keeps the newest BACKUP_KEEP
 * backups in the folder. The queue worker runs it every BACKUP_EVERY.
 */
export default class DbBackup extends BaseCommand {
  static commandName = 'db:backup'
  static description = 'Back up the database (to DATA_DIR/backups unless --to says otherwise)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Folder to write the backup to (default: DATA_DIR/backups)' })
  declare to?: string

  async run() {
    const { backupDatabase } = await import('#backups/database_backups')
    const { BackupError } = await import('#backups/errors')
    try {
      const outcome = await backupDatabase({ directory: this.to ? resolve(this.to) : undefined })
      this.logger.success(`Backed up to ${outcome.file} (${outcome.bytes} bytes)`)
      for (const name of outcome.pruned) this.logger.info(`Deleted the old backup ${name}`)
    } catch (error) {
      if (!(error instanceof BackupError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}
