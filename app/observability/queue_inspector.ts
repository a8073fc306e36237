import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** The states a queued job can be in, as both queue drivers store them. */
export const JOB_STATES = ['pending', 'delayed', 'active', 'completed', 'failed'] as const
export type JobState = (typeof JOB_STATES)[number]

/** Jobs per queue and state: `{ media: { pending: 2, failed: 1, … } }`. */
export type QueueCounts = Record<string, Record<JobState, number>>

/** A job that failed for good and is kept for an operator to retry or discard. */
export interface FailedJob {
  id: string
  queue: string
  name: string
  attempts: number
  error: string | null
  failedAt: Date | null
}

/**
 * What the back office and /metrics read from the queue backend, and the two
 * things an operator does to a failed job. @adonisjs/queue 0.6 offers no
 * listing or counting API, so each driver reads @boringnode/queue 0.6.0's
 * storage directly (the `queue_jobs` table, or the Redis keys).
 */
export interface QueueInspector {
  /** Counts for `queues` (and, where the backend can list them, any other queue holding jobs). */
  counts(queues: string[]): Promise<QueueCounts>
  /** The newest failed jobs of `queues`, newest first. */
  failed(queues: string[], limit: number): Promise<FailedJob[]>
  /**
   * Puts a failed job back on its queue with fresh retries; null when there
   * is no such failed job. `client` (a transaction) is used by the database
   * driver, so the change commits with its audit row.
   */
  retry(queue: string, id: string, client?: QueryClientContract): Promise<FailedJob | null>
  /** Deletes a failed job; null when there is no such failed job. */
  discard(queue: string, id: string, client?: QueryClientContract): Promise<FailedJob | null>
}

/** Every state at zero, so a quiet queue still shows (and scrapes) as zero. */
export function emptyCounts(): Record<JobState, number> {
  return Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>
}

/**
 * The job's name and how many times it ran, from its stored JSON (which also
 * holds the payload: never shown). The stored count is of retries, so the
 * runs are one more.
 */
export function describeStoredJob(data: string | null): { name: string; attempts: number } {
  try {
    const job = JSON.parse(data ?? '{}')
    return { name: String(job.name ?? '?'), attempts: Number(job.attempts ?? 0) + 1 }
  } catch {
    return { name: '?', attempts: 1 }
  }
}

/** Where a job put back on its queue goes: @boringnode/queue's score (priority, then age). */
export function pendingScore(data: string | null, now = Date.now()): number {
  let priority = 5
  try {
    priority = Number(JSON.parse(data ?? '{}').priority ?? 5)
  } catch {}
  return priority * 10_000_000_000_000 + now
}
