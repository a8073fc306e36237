import env from '#start/env'
import { defineConfig, drivers } from '@adonisjs/queue'

const driver = env.get('QUEUE_DRIVER', 'database')

/**
 * Jobs go to the database queue by default (no Redis needed for a demo) and to
 * Redis in production. Redis is declared only when chosen: the queue provider
 * opens a connection for every adapter listed here.
 */
export default defineConfig({
  default: driver,
  adapters: {
    ...(driver === 'redis' ? { redis: drivers.redis({ connectionName: 'main' }) } : {}),
    // Always available: it only uses the application's own database connection.
    database: drivers.database({ connectionName: undefined }),
    sync: drivers.sync(),
  },
  // One job at a time per worker process: media jobs use every core through
  // sharp and ffmpeg threads, so more throughput means more processes. (It
  // also sidesteps a @boringnode/queue 0.6.0 bug where a job outliving
  // idleDelay while a slot is free makes the worker pause 5 s after it.)
  worker: {
    concurrency: 1,
    idleDelay: '250ms',
    stalledThreshold: '60s',
    stalledInterval: '30s',
  },
  // Failed jobs are kept (a month, at most 1,000 per queue) for the back
  // office's queue page to retry or discard; @boringnode/queue deletes them
  // by default. Completed jobs are deleted.
  defaultJobOptions: { removeOnFail: { age: '30d', count: 1000 } },
  locations: ['./app/jobs/**/*.{ts,js}'],
})
