import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { affectedRows } from '#services/orders/row_transition'
import {
  describeStoredJob,
  emptyCounts,
  pendingScore,
  type FailedJob,
  type JobState,
  type QueueCounts,
  type QueueInspector,
} from '#observability/queue_inspector'

interface JobRow {
  id: string
  queue: string
  data: string | null
  error: string | null
  finished_at: string | number | null
}

/** The database driver's jobs: rows of `queue_jobs`, one per job, with a status column. */
export class DatabaseQueueInspector implements QueueInspector {
  constructor(
    protected connectionName?: string,
    protected table = 'queue_jobs'
  ) {}

  #client(client?: QueryClientContract) {
    return client ?? db.connection(this.connectionName)
  }

  async counts(queues: string[]): Promise<QueueCounts> {
    const counts: QueueCounts = Object.fromEntries(queues.map((queue) => [queue, emptyCounts()]))
    const rows = await this.#client()
      .from(this.table)
      .select('queue', 'status')
      .count('* as total')
      .groupBy('queue', 'status')
    for (const row of rows) {
      counts[row.queue] ??= emptyCounts()
      counts[row.queue][row.status as JobState] = Number(row.total)
    }
    return counts
  }

  async failed(queues: string[], limit: number): Promise<FailedJob[]> {
    const rows: JobRow[] = await this.#client()
      .from(this.table)
      .where('status', 'failed')
      .whereIn('queue', queues)
      .orderBy('finished_at', 'desc')
      .limit(limit)
      .select('id', 'queue', 'data', 'error', 'finished_at')
    return rows.map(toFailedJob)
  }

  async retry(queue: string, id: string, client?: QueryClientContract) {
    const row = await this.#failedRow(queue, id, client)
    if (!row) return null
    const data = JSON.parse(row.data ?? '{}')
    const moved = await this.#client(client)
      .from(this.table)
      .where({ id, queue, status: 'failed' })
      .update({
        status: 'pending',
        data: JSON.stringify({ ...data, attempts: 0, stalledCount: 0 }),
        score: pendingScore(row.data),
        error: null,
        finished_at: null,
        execute_at: null,
      })
    return affectedRows(moved) === 1 ? toFailedJob(row) : null
  }

  async discard(queue: string, id: string, client?: QueryClientContract) {
    const row = await this.#failedRow(queue, id, client)
    if (!row) return null
    const removed = await this.#client(client)
      .from(this.table)
      .where({ id, queue, status: 'failed' })
      .delete()
    return affectedRows(removed) === 1 ? toFailedJob(row) : null
  }

  #failedRow(queue: string, id: string, client?: QueryClientContract): Promise<JobRow | null> {
    return this.#client(client)
      .from(this.table)
      .where({ id, queue, status: 'failed' })
      .select('id', 'queue', 'data', 'error', 'finished_at')
      .first()
  }
}

function toFailedJob(row: JobRow): FailedJob {
  return {
    id: row.id,
    queue: row.queue,
    ...describeStoredJob(row.data),
    error: row.error,
    failedAt: row.finished_at === null ? null : new Date(Number(row.finished_at)),
  }
}
