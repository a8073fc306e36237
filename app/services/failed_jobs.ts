import db from '@adonisjs/lucid/services/db'
import type { Actor } from '#audit/actor'
import QueueJobRetried from '#events/queue_job_retried'
import QueueJobDiscarded from '#events/queue_job_discarded'
import type { FailedJob, QueueCounts } from '#observability/queue_inspector'
import { defaultQueueInspector, knownQueues } from '#observability/queue_inspectors'

/** How many failed jobs the queue page lists (newest first). */
export const FAILED_JOBS_SHOWN = 50

/**
 * The back office's view of the queue (what Horizon is to Laravel): jobs per
 * queue and state, the jobs that failed for good, and retrying or discarding
 * one, each audited with the operator as actor.
 */
export class FailedJobs {
  /** Counts and failed jobs of the queue backend; `kept: false` for the sync driver, which keeps nothing. */
  async overview(): Promise<{ kept: boolean; counts: QueueCounts; failed: FailedJob[] }> {
    const inspector = await defaultQueueInspector()
    if (!inspector) return { kept: false, counts: {}, failed: [] }
    const counts = await inspector.counts(knownQueues())
    const failed = await inspector.failed(Object.keys(counts), FAILED_JOBS_SHOWN)
    return { kept: true, counts, failed }
  }

  /** Puts a failed job back on its queue; null when it is no longer a failed job. */
  retry(queue: string, id: string, actor: Actor) {
    return this.#act(queue, id, actor, 'retry')
  }

  /** Deletes a failed job; null when it is no longer a failed job. */
  discard(queue: string, id: string, actor: Actor) {
    return this.#act(queue, id, actor, 'discard')
  }

  /**
   * The change and its audit row commit together on the database driver.
   * On Redis the job moves first and the row follows: Redis is not part of
   * the database transaction.
   */
  async #act(queue: string, id: string, actor: Actor, action: 'retry' | 'discard') {
    const inspector = await defaultQueueInspector()
    if (!inspector) return null
    return db.transaction(async (trx) => {
      const job = await inspector[action](queue, id, trx)
      if (!job) return null
      const Event = action === 'retry' ? QueueJobRetried : QueueJobDiscarded
      await new Event(job, actor).record(trx)
      return job
    })
  }
}
