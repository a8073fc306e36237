import { BaseCheck, Result } from '@adonisjs/core/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'
import type { QueueManager } from '@adonisjs/queue'

/**
 * Checks that the queue backend (the database table or Redis) answers, and
 * reports how many jobs wait on the default queue.
 */
export class QueueCheck extends BaseCheck {
  name = 'Queue backend check'

  constructor(protected manager: typeof QueueManager) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    try {
      const waiting = await this.manager.use().size()
      return Result.ok('The queue backend is reachable').mergeMetaData({ waiting })
    } catch (error) {
      return Result.failed('The queue backend is not reachable', error as Error)
    }
  }
}
