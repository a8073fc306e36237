import logger from '@adonisjs/core/services/logger'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { backupDatabase } from '#backups/database_backups'

/**
 * Backs up the database on a schedule (BACKUP_EVERY, app/jobs/schedules.ts),
 * like `node ace db:backup`. A failure is logged at error level for the
 * alerting to pick up; the next scheduled run is the retry.
 */
export default class BackUpDatabase extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'BackUpDatabase',
    queue: 'default',
    maxRetries: 0,
    timeout: '1h',
  }

  async execute() {
    try {
      const outcome = await backupDatabase()
      logger.info(
        { file: outcome.file, bytes: outcome.bytes, pruned: outcome.pruned },
        'backed up the database'
      )
    } catch (error) {
      logger.error({ err: error }, 'the scheduled database backup failed')
      throw error
    }
  }
}
