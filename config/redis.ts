import { readFileSync } from 'node:fs'
import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Waits between reconnection attempts: 100 ms doubling up to 2 s, for ever.
 * Giving up (returning null) would leave the queue, sessions and rate limits
 * on a closed connection until a restart; a worker that cannot reach Redis
 * for too long exits on its own instead (WORKER_BACKEND_TIMEOUT).
 */
export function redisBackoff(attempt: number) {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 5), 2000)
}

const tlsCa = env.get('REDIS_TLS_CA')

/**
 * One Redis connection, opened only when a driver (queue, session, limiter)
 * is configured to use Redis. They all share it, so REDIS_DB and
 * REDIS_PREFIX (ioredis' keyPrefix) apply to queue keys, sessions and
 * rate-limit counters alike.
 *
 * A command sent while Redis is away waits for the next reconnection
 * attempt and then fails (maxRetriesPerRequest: 1) rather than hanging a
 * request or a probe through a whole outage; commands sent before the first
 * connection wait for it (the offline queue), so a process may start while
 * Redis is still coming up.
 */
const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: env.get('REDIS_HOST', '127.0.0.1'),
      port: env.get('REDIS_PORT', 6379),
      password: env.get('REDIS_PASSWORD', ''),
      db: env.get('REDIS_DB') ?? 0,
      keyPrefix: env.get('REDIS_PREFIX') ?? '',
      ...(env.get('REDIS_TLS') ? { tls: tlsCa ? { ca: readFileSync(tlsCa) } : {} } : {}),
      connectTimeout: 5000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      retryStrategy: redisBackoff,
      // A managed Redis that failed over leaves clients on a read-only replica.
      reconnectOnError: (error) => error.message.startsWith('READONLY'),
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
