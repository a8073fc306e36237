import type { Redis } from 'ioredis'
import {
  describeStoredJob,
  emptyCounts,
  type FailedJob,
  type QueueCounts,
  type QueueInspector,
} from '#observability/queue_inspector'

/** @boringnode/queue 0.6.0's Redis keys for one queue (src/drivers/redis_adapter.ts). */
function keysOf(queue: string) {
  const base = `jobs::${queue}`
  return {
    data: `${base}::data`,
    overlay: `${base}::metadata`,
    pending: `${base}::pending`,
    delayed: `${base}::delayed`,
    active: `${base}::active`,
    completedIndex: `${base}::completed::index`,
    failed: `${base}::failed`,
    failedIndex: `${base}::failed::index`,
    dedupPrefix: `${base}::dedup::`,
  }
}

/**
 * Moves a failed job back to pending in one step, with its attempts (kept in
 * the job's overlay, as the driver's own retry does) back at zero.
 */
const RETRY_FAILED_SCRIPT = `
  local data_key, overlay_key, failed_key, failed_index, pending_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
  local job_id, now = ARGV[1], tonumber(ARGV[2])
  if redis.call('HEXISTS', failed_key, job_id) == 0 then return 0 end
  local job_data = redis.call('HGET', data_key, job_id)
  if not job_data then return 0 end
  redis.call('HDEL', failed_key, job_id)
  redis.call('ZREM', failed_index, job_id)
  local overlay = {}
  local overlay_json = redis.call('HGET', overlay_key, job_id)
  if overlay_json then overlay = cjson.decode(overlay_json) end
  overlay.attempts = 0
  overlay.stalledCount = 0
  redis.call('HSET', overlay_key, job_id, cjson.encode(overlay))
  local job = cjson.decode(job_data)
  local priority = job.priority or 5
  redis.call('ZADD', pending_key, priority * 10000000000000 + now, job_id)
  return 1
`

/** Deletes a failed job and everything stored for it, its dedup pointer included. */
const DISCARD_FAILED_SCRIPT = `
  local data_key, overlay_key, failed_key, failed_index = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
  local job_id, dedup_prefix = ARGV[1], ARGV[2]
  if redis.call('HEXISTS', failed_key, job_id) == 0 then return 0 end
  local job_data = redis.call('HGET', data_key, job_id)
  if job_data then
    local ok, job = pcall(cjson.decode, job_data)
    if ok and job and job.dedup and job.dedup.id then
      local dedup_key = dedup_prefix .. job.dedup.id
      if redis.call('GET', dedup_key) == job_id then redis.call('DEL', dedup_key) end
    end
  end
  redis.call('HDEL', failed_key, job_id)
  redis.call('ZREM', failed_index, job_id)
  redis.call('HDEL', data_key, job_id)
  redis.call('HDEL', overlay_key, job_id)
  return 1
`

/**
 * The Redis driver's jobs: a hash of job data per queue, sorted sets for
 * pending, delayed and finished jobs, a hash for active ones. Redis cannot
 * list queues cheaply, so only the named queues are read.
 */
export class RedisQueueInspector implements QueueInspector {
  constructor(protected redis: Redis) {}

  async counts(queues: string[]): Promise<QueueCounts> {
    const pipeline = this.redis.pipeline()
    for (const queue of queues) {
      const keys = keysOf(queue)
      pipeline.zcard(keys.pending)
      pipeline.zcard(keys.delayed)
      pipeline.hlen(keys.active)
      pipeline.zcard(keys.completedIndex)
      pipeline.zcard(keys.failedIndex)
    }
    const replies = (await pipeline.exec()) ?? []
    const values = replies.map(([error, value]) => {
      if (error) throw error
      return Number(value)
    })
    return Object.fromEntries(
      queues.map((queue, index) => {
        const [pending, delayed, active, completed, failed] = values.slice(index * 5, index * 5 + 5)
        return [queue, { ...emptyCounts(), pending, delayed, active, completed, failed }]
      })
    )
  }

  async failed(queues: string[], limit: number): Promise<FailedJob[]> {
    const jobs: FailedJob[] = []
    for (const queue of queues) {
      const ids = await this.redis.zrevrange(keysOf(queue).failedIndex, 0, limit - 1)
      const described = await this.#describe(queue, ids)
      jobs.push(...described.filter((job) => job !== null))
    }
    return jobs
      .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
      .slice(0, limit)
  }

  async retry(queue: string, id: string) {
    const [job] = await this.#describe(queue, [id])
    if (!job) return null
    const keys = keysOf(queue)
    const moved = await this.redis.eval(
      RETRY_FAILED_SCRIPT,
      5,
      keys.data,
      keys.overlay,
      keys.failed,
      keys.failedIndex,
      keys.pending,
      id,
      Date.now().toString()
    )
    return moved === 1 ? job : null
  }

  async discard(queue: string, id: string) {
    const [job] = await this.#describe(queue, [id])
    if (!job) return null
    const keys = keysOf(queue)
    const removed = await this.redis.eval(
      DISCARD_FAILED_SCRIPT,
      4,
      keys.data,
      keys.overlay,
      keys.failed,
      keys.failedIndex,
      id,
      keys.dedupPrefix
    )
    return removed === 1 ? job : null
  }

  /** The failed jobs among `ids` (null for an id that is not a failed job of `queue`). */
  async #describe(queue: string, ids: string[]): Promise<(FailedJob | null)[]> {
    if (ids.length === 0) return []
    const keys = keysOf(queue)
    const [records, data, overlays] = await Promise.all([
      this.redis.hmget(keys.failed, ...ids),
      this.redis.hmget(keys.data, ...ids),
      this.redis.hmget(keys.overlay, ...ids),
    ])
    return ids.map((id, index) => {
      if (!records[index]) return null
      const record = JSON.parse(records[index]!) as { finishedAt?: number; error?: string }
      const stored = describeStoredJob(data[index])
      const overlay = overlays[index] ? JSON.parse(overlays[index]!) : {}
      return {
        id,
        queue,
        name: stored.name,
        attempts: overlay.attempts === undefined ? stored.attempts : Number(overlay.attempts) + 1,
        error: record.error ?? null,
        failedAt: record.finishedAt ? new Date(record.finishedAt) : null,
      }
    })
  }
}
