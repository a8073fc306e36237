import type { ApplicationService } from '@adonisjs/core/types'
import { QueueManager, Worker } from '@adonisjs/queue'

/**
 * config/queue.ts resolved the way `node ace queue:work` resolves it:
 * adapters from their config providers, jobs made by the container (so they
 * get dependency injection). `adapters` narrows it to some of them; the
 * first one becomes the default.
 */
export async function resolveQueueConfig(
  app: ApplicationService,
  options: { adapters?: string[]; concurrency?: number } = {}
) {
  const config = app.config.get<any>('queue')
  const logger = await app.container.make('logger')
  const adapters: Record<string, unknown> = {}
  for (const [name, adapter] of Object.entries<any>(config.adapters)) {
    if (options.adapters && !options.adapters.includes(name)) continue
    adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
  }
  return {
    ...config,
    default: options.adapters?.[0] ?? config.default,
    autoLoadJobs: false,
    adapters,
    jobFactory: config.jobFactory ?? ((JobClass: any) => app.container.make(JobClass)),
    logger: config.logger ?? logger,
    worker: {
      ...config.worker,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      gracefulShutdown: false,
    },
  }
}

/**
 * A queue worker on config/queue.ts, used by the embedded worker, the
 * benchmark and the tests. Starting it re-initialises the global
 * QueueManager with its configuration (a @boringnode/queue behaviour): call
 * restoreQueueManager() after a worker narrowed to other adapters.
 */
export async function createQueueWorker(
  app: ApplicationService,
  options: { adapters?: string[]; concurrency?: number } = {}
) {
  const manager = await app.container.make('queue.manager')
  await manager.loadJobs()
  return new Worker(await resolveQueueConfig(app, options))
}

/** Puts dispatching back on config/queue.ts after a narrowed worker ran. */
export async function restoreQueueManager(app: ApplicationService) {
  await QueueManager.init(await resolveQueueConfig(app))
}
