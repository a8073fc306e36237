import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { JOB_STATES } from '#observability/queue_inspector'
import { defaultQueueInspector, knownQueues } from '#observability/queue_inspectors'
import type { RequestOutcome } from '#observability/request_outcome'
import type { JobRunFinished } from '#observability/job_lifecycle'

/** Every metric name starts with this. */
export const METRICS_PREFIX = 'jangteo_'

/**
 * This process's metrics, served at /metrics. Counters live in the process
 * that counted: the web process counts requests (and jobs, with the embedded
 * worker); a `queue:work` process counts its own jobs and serves them on
 * METRICS_PORT. Queue depth and the database pool are read at scrape time.
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry, prefix: METRICS_PREFIX })

const httpDuration = new Histogram({
  name: `${METRICS_PREFIX}http_request_duration_seconds`,
  help: 'Time to answer HTTP requests, by route pattern, method and status class',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

const jobRuns = new Counter({
  name: `${METRICS_PREFIX}queue_job_runs_total`,
  help: 'Job runs by queue, job and outcome (completed, retrying, failed)',
  labelNames: ['queue', 'job', 'outcome'] as const,
  registers: [registry],
})

const jobDuration = new Histogram({
  name: `${METRICS_PREFIX}queue_job_duration_seconds`,
  help: 'Time a job run took, by queue and job',
  labelNames: ['queue', 'job'] as const,
  buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
  registers: [registry],
})

new Gauge({
  name: `${METRICS_PREFIX}queue_jobs`,
  help: 'Jobs held by the queue backend, by queue and state (failed: kept for retry)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    const inspector = await defaultQueueInspector()
    if (!inspector) return
    try {
      const counts = await inspector.counts(knownQueues())
      for (const [queue, states] of Object.entries(counts)) {
        for (const state of JOB_STATES) this.set({ queue, state }, states[state])
      }
    } catch (error) {
      // A scrape still answers with everything else; the gap is the signal.
      logger.warn({ err: error }, 'metrics: the queue backend did not answer')
    }
  },
})

new Gauge({
  name: `${METRICS_PREFIX}db_pool_connections`,
  help: 'Database pool connections by connection and state (used, free, pending)',
  labelNames: ['connection', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset()
    for (const [name, { connection }] of db.manager.connections) {
      // Only pools already open: a scrape never opens a connection.
      const pool = connection?.pool
      if (!pool) continue
      this.set({ connection: name, state: 'used' }, pool.numUsed())
      this.set({ connection: name, state: 'free' }, pool.numFree())
      this.set({ connection: name, state: 'pending' }, pool.numPendingAcquires())
    }
  },
})

/** Business counters, moved by listeners of the business events (start/observability.ts). */
export const business = {
  ordersPlaced: new Counter({
    name: `${METRICS_PREFIX}orders_placed_total`,
    help: 'Orders placed',
    registers: [registry],
  }),
  ordersPaid: new Counter({
    name: `${METRICS_PREFIX}orders_paid_total`,
    help: 'Orders paid in full',
    registers: [registry],
  }),
  paymentFailures: new Counter({
    name: `${METRICS_PREFIX}payment_failures_total`,
    help: 'Payments that failed or were declined, by payment adapter',
    labelNames: ['adapter'] as const,
    registers: [registry],
  }),
  webhookRejections: new Counter({
    name: `${METRICS_PREFIX}webhook_rejections_total`,
    help: 'Payment webhooks refused for a bad signature, by payment adapter',
    labelNames: ['adapter'] as const,
    registers: [registry],
  }),
  mediaFailures: new Counter({
    name: `${METRICS_PREFIX}media_failures_total`,
    help: 'Media items whose processing failed for good, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
}

/** Counts a finished request under its route pattern and status class (2xx, 4xx …). */
export function observeRequest(outcome: RequestOutcome) {
  httpDuration.observe(
    {
      route: outcome.route,
      method: outcome.method,
      status: `${Math.floor(outcome.status / 100)}xx`,
    },
    outcome.ms / 1000
  )
}

/** Counts a finished job run and its duration. */
export function observeJobRun(run: JobRunFinished) {
  jobRuns.inc({ queue: run.queue, job: run.name, outcome: run.outcome })
  jobDuration.observe({ queue: run.queue, job: run.name }, run.durationMs / 1000)
}
