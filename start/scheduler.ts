/*
 * Recurring jobs. Schedules are rows on the queue adapter (queue_schedules,
 * or Redis) that every queue worker polls, so they are registered wherever a
 * worker may run: the web process (the embedded worker, QUEUE_WORKER=embedded)
 * and `node ace queue:work`. Other ace commands skip this, so `migration:run`
 * works on an empty database.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'

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
    if (app.getEnvironment() === 'console') throw error
  }
}

if (app.getMode() === 'run') {
  if (app.getEnvironment() === 'web') {
    await registerAll()
  } else if (app.getEnvironment() === 'console') {
    const ace = await app.container.make('ace')
    ace.executing(async (command, isMainCommand) => {
      const name = (command.constructor as { commandName?: string }).commandName
      if (isMainCommand && name === 'queue:work') await registerAll()
    })
  }
}
