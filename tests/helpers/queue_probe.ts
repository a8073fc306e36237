import { Job, Locator, fixedBackoff } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import db from '@adonisjs/lucid/services/db'

/** The queue probe jobs run on; no application job uses it. */
export const PROBE_QUEUE = 'ops-probe'

/**
 * A job for the operations tests: fails its first `failures` runs (and every
 * run while `QueueProbe.outage` holds) with "probe failure <attempt>", then
 * succeeds. One retry, right away.
 */
export class QueueProbe extends Job<{ failures: number }> {
  static outage = false

  static options: JobOptions = {
    name: 'QueueProbe',
    queue: PROBE_QUEUE,
    maxRetries: 1,
    retry: { backoff: fixedBackoff(1) },
  }

  async execute() {
    if (QueueProbe.outage || this.context.attempt <= this.payload.failures) {
      throw new Error(`probe failure ${this.context.attempt}`)
    }
  }
}

Locator.register('QueueProbe', QueueProbe)

/** Removes every probe job left in the database queue. */
export async function removeProbeJobs() {
  await db.from('queue_jobs').where('queue', PROBE_QUEUE).delete()
}
