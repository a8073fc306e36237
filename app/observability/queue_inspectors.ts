import app from '@adonisjs/core/services/app'
import env from '#start/env'
import type { QueueInspector } from '#observability/queue_inspector'
import { DatabaseQueueInspector } from '#observability/database_queue_inspector'

/**
 * The inspector of the queue backend jobs are dispatched to (QUEUE_DRIVER),
 * or null for the sync driver, which keeps nothing. The Redis one uses the
 * connection config/queue.ts gives the Redis driver.
 */
export async function defaultQueueInspector(): Promise<QueueInspector | null> {
  const driver = env.get('QUEUE_DRIVER', 'database')
  if (driver === 'database') return new DatabaseQueueInspector()
  if (driver !== 'redis') return null
  const redis = await app.container.make('redis')
  const { RedisQueueInspector } = await import('#observability/redis_queue_inspector')
  return new RedisQueueInspector(redis.connection('main').ioConnection)
}

/** The queues operators look at: those the workers process (config/store.ts). */
export function knownQueues(): string[] {
  return app.config.get<string[]>('store.workerQueues')
}
