import { inject } from '@adonisjs/core'
import config from '@adonisjs/core/services/config'
import { Job, QueueManager } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { NotifierManager } from '#notifiers/notifier_manager'
import { raiseAlert } from '#notifiers/alerts/raise_alert'

/**
 * Scheduled (app/jobs/schedules.ts): raises an alert for every queue whose
 * pending jobs are over the threshold, which usually means no worker is
 * running or they cannot keep up.
 */
@inject()
export default class CheckQueueBacklog extends Job<Record<string, never>> {
  static options: JobOptions = { name: 'CheckQueueBacklog', queue: 'default', maxRetries: 0 }

  constructor(protected notifiers: NotifierManager) {
    super()
  }

  async execute() {
    if (!this.notifiers.enabled) return
    const threshold = this.notifiers.config.queueBacklog.pending
    for (const queue of config.get<string[]>('store.workerQueues')) {
      const pending = await QueueManager.use().sizeOf(queue)
      if (pending <= threshold) continue
      await raiseAlert({
        kind: 'queue_backlog',
        fingerprint: `queue_backlog:${queue}`,
        severity: 'warning',
        params: { queue, pending, threshold },
      })
    }
  }
}
