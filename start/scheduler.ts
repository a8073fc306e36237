/*
 * Recurring jobs. Schedules are rows on the queue adapter (queue_schedules,
 * or Redis) that every queue worker polls, so they are registered wherever a
 * worker may run: the web process (the embedded worker, QUEUE_WORKER=embedded)
 * and `node ace queue:work`, which keep registering them while they run (a
 * Redis restarted empty loses them). Other ace commands skip this, so
 * `migration:run` works on an empty database.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

/**
 * Registers the schedules. A bad interval in config fails the start; a queue
 * backend that is down is logged but does not keep the storefront from serving.
 */
async function registerAll() {
  const { scheduleIntervals, registerSchedules } = await import('#jobs/schedules')
  const intervals = scheduleIntervals()
  try {
    const outcome = await registerSchedules(intervals)
    logger.debug({ schedules: outcome }, 'schedules registered')
  } catch (error) {
    logger.error({ err: error }, 'could not register the schedules')
  }
}

if (app.getMode() === 'run') {
  if (app.getEnvironment() === 'web') {
    await registerAll()
  } else if (app.getEnvironment() === 'console') {
    const ace = await app.container.make('ace')
    ace.executing(async (command, isMainCommand) => {
      const name = (command.constructor as { commandName?: string }).commandName
      if (!isMainCommand || name !== 'queue:work') return
      // A worker waits out a backend that is down (at start too) for
      // WORKER_BACKEND_TIMEOUT, then exits non-zero for its supervisor.
      const { watchWorkerBackend, DEFAULT_WORKER_BACKEND_TIMEOUT_MS } =
        await import('#services/queue_backend_watch')
      const watch = await watchWorkerBackend({
        logger,
        timeoutMs: env.get('WORKER_BACKEND_TIMEOUT') ?? DEFAULT_WORKER_BACKEND_TIMEOUT_MS,
        exitOnTimeout: true,
      })
      const { finishRunningJobsFirst } = await import('#services/worker_shutdown')
      finishRunningJobsFirst(app, { logger, onStop: () => watch.stop() })
    })
  }
}
