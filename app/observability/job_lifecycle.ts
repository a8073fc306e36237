import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import { tracingChannels } from '@adonisjs/queue'

/** One run of a queued job: which job, from which queue, and which attempt (1 = first). */
export interface JobRun {
  id: string
  name: string
  queue: string
  attempt: number
}

/**
 * How a run ended: done, going to be retried, or failed for good (retries
 * spent, or an error the job refuses to retry). `error` is set unless done.
 */
export interface JobRunFinished extends JobRun {
  outcome: 'completed' | 'retrying' | 'failed'
  durationMs: number
  error?: Error
  retryAt?: Date
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'queue:job_started': JobRun
    'queue:job_finished': JobRunFinished
  }
}

type ExecuteMessage = NonNullable<Parameters<typeof tracingChannels.executeChannel.traceSync>[1]>

let subscribed = false

/**
 * Turns @boringnode/queue's execution tracing channel (the hook its
 * OpenTelemetry integration uses; every adapter's worker and the sync
 * adapter publish to it) into two events on the app's emitter,
 * `queue:job_started` and `queue:job_finished`, so logs, metrics and alerts
 * hear every job without wrapping each one. Subscribes once per process.
 */
export function observeJobLifecycle() {
  if (subscribed) return
  subscribed = true
  tracingChannels.executeChannel.subscribe({
    start: (message: ExecuteMessage) => announce('queue:job_started', runOf(message)),
    asyncEnd: (message: ExecuteMessage) =>
      announce('queue:job_finished', {
        ...runOf(message),
        // A run that threw past the worker's own error handling did not finish its job.
        outcome: message.status ?? 'failed',
        durationMs: message.duration ?? 0,
        error: message.error,
        retryAt: message.nextRetryAt,
      }),
    end: () => {},
    asyncStart: () => {},
    error: () => {},
  })
}

function runOf({ job, queue }: ExecuteMessage): JobRun {
  return { id: job.id, name: job.name, queue, attempt: job.attempts + 1 }
}

/** Listeners never slow or break the worker: their errors are logged. */
function announce<Event extends 'queue:job_started' | 'queue:job_finished'>(
  event: Event,
  data: Event extends 'queue:job_started' ? JobRun : JobRunFinished
) {
  emitter.emit(event, data as any).catch((error: unknown) => {
    logger.error({ err: error, event }, 'a job lifecycle listener failed')
  })
}
