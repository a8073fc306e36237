import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

const store = env.get('LIMITER_STORE', 'database')

/**
 * Rate-limit counters live in the database by default and in Redis when the
 * shop scales out (counters must be shared across web processes). Only the
 * chosen store is declared, so no Redis connection is opened unless asked for.
 */
const limiterConfig = defineConfig({
  default: store,
  stores: {
    ...(store === 'redis'
      ? { redis: stores.redis({ connectionName: 'main' }) }
      : { database: stores.database({ tableName: 'rate_limits' }) }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
