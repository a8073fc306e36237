import type { ApplicationService } from '@adonisjs/core/types'
import type { Logger } from '@adonisjs/core/logger'
import emitter from '@adonisjs/core/services/emitter'

/**
 * A stopping queue worker (SIGTERM from its supervisor or a deploy) ends the
 * jobs it is running before the app closes the database under them. The
 * worker's own signal handler stops it taking new jobs; this holds the app's
 * termination until the running ones have finished. A supervisor that loses
 * patience and kills the process leaves the job to be picked up again once
 * its lock expires, so a job is finished or released, never lost.
 */
export function finishRunningJobsFirst(
  app: ApplicationService,
  options: { logger: Logger; onStop: () => void }
) {
  const running = new Set<string>()
  let drained: (() => void) | undefined
  emitter.on('queue:job_started', (run) => {
    running.add(run.id)
  })
  emitter.on('queue:job_finished', (run) => {
    running.delete(run.id)
    if (!running.size) drained?.()
  })
  app.terminating(async () => {
    options.onStop()
    if (!running.size) return
    options.logger.info('stopping: waiting for %d running job(s) to finish', running.size)
    await new Promise<void>((resolve) => (drained = resolve))
    options.logger.info('stopping: the running jobs have finished')
  })
}
