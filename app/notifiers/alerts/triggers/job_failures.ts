import { createHash } from 'node:crypto'
import diagnostics_channel from 'node:diagnostics_channel'
import logger from '@adonisjs/core/services/logger'
import { raiseAlert } from '#notifiers/alerts/raise_alert'
import { scrub } from '#notifiers/alerts/scrubber'
import { messageTemplate } from '#notifiers/alerts/triggers/server_errors'

/** What @boringnode/queue publishes on its execute channel when a job run ends. */
interface ExecuteMessage {
  job: { id: string; name: string; attempts: number }
  queue: string
  status?: 'completed' | 'failed' | 'retrying'
  error?: unknown
}

/** Alerting jobs are left out: an alert about an alert that failed would loop. */
const OWN_JOBS = new Set(['SendAlert', 'SummarizeAlerts'])

const executeChannel = diagnostics_channel.tracingChannel('boringqueue.job.execute')
let subscribed = false

/**
 * Raises an alert when a job fails for the last time (no retry left):
 * @boringnode/queue marks that run `failed` on its `boringqueue.job.execute`
 * tracing channel, whatever the job class, so no job needs to opt in.
 */
export function watchJobFailures() {
  if (subscribed) return
  subscribed = true
  executeChannel.subscribe({
    start() {},
    end() {},
    asyncStart() {},
    error() {},
    asyncEnd(message) {
      const run = message as ExecuteMessage
      if (run.status !== 'failed' || OWN_JOBS.has(run.job.name)) return
      void alertJobFailure(run)
    },
  })
}

async function alertJobFailure(run: ExecuteMessage) {
  const error = run.error instanceof Error ? run.error : new Error(String(run.error))
  const message = scrub(error.message)
  const template = messageTemplate(message)
  const fingerprint = createHash('sha256')
    .update(`${run.job.name}\n${error.name}\n${template}`)
    .digest('hex')
    .slice(0, 40)
  try {
    await raiseAlert({
      kind: 'job_failed',
      fingerprint: `job_failed:${fingerprint}`,
      severity: 'critical',
      params: {
        job: run.job.name,
        queue: run.queue,
        attempts: run.job.attempts + 1,
        error: `${error.name}: ${message}`.slice(0, 500),
      },
    })
  } catch (failure) {
    logger.warn({ err: failure, job: run.job.name }, 'could not raise the job failure alert')
  }
}
