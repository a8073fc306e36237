import type { Logger } from '@adonisjs/core/logger'
import type { JobRun, JobRunFinished } from '#observability/job_lifecycle'

/**
 * Lines about queued jobs: `job started`, `job done`, `job failed, will
 * retry` (warn) and `job failed` (error: retries spent, someone has to look).
 * Each carries the job's id, name, queue and attempt; the end lines its
 * duration and error message. Payloads are never logged (they hold emails).
 */
export class JobLog {
  constructor(public logger: Logger) {}

  started(run: JobRun) {
    this.logger.info(fieldsOf(run), 'job started')
  }

  finished(run: JobRunFinished) {
    const fields = { ...fieldsOf(run), ms: run.durationMs }
    if (run.outcome === 'completed') return this.logger.info(fields, 'job done')
    const failure = { ...fields, error: run.error?.message }
    if (run.outcome === 'retrying') {
      return this.logger.warn(
        { ...failure, retry_at: run.retryAt?.toISOString() },
        'job failed, will retry'
      )
    }
    this.logger.error(failure, 'job failed')
  }
}

function fieldsOf(run: JobRun) {
  return { job_id: run.id, job: run.name, queue: run.queue, attempt: run.attempt }
}
