import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Replaces the database with a backup made by db:backup. Stop the app
 * first: on SQLite a running server would go on writing to the replaced
 * file. Refuses a database that holds data unless --force is given.
 */
export default class DbRestore extends BaseCommand {
  static commandName = 'db:restore'
  static description = 'Restore the database from a backup made by db:backup (stop the app first)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The backup file' })
  declare file: string

  @flags.boolean({ description: 'Replace a database that already holds data' })
  declare force?: boolean

  async run() {
    const { restoreDatabase } = await import('#backups/database_backups')
    const { BackupError } = await import('#backups/errors')
    try {
      const outcome = await restoreDatabase(this.file, { force: this.force })
      this.logger.success(
        `Restored ${this.file}: ${outcome.eventsRestored} audit events verified, and the restore recorded after them`
      )
      this.logger.info('Run "node ace migration:run --force" if this release has newer migrations')
    } catch (error) {
      if (!(error instanceof BackupError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}
