import type { ApplicationService } from '@adonisjs/core/types'
import { Worker } from '@adonisjs/queue'

/**
 * A queue worker built the way `node ace queue:work` builds one: adapters
 * from their config providers, jobs made by the container (so they get
 * dependency injection). Used by the embedded worker, the benchmark and the
 * tests. `adapters` narrows it to some adapters of config/queue.ts.
 */
export async function createQueueWorker(
  app: ApplicationService,
  options: { adapters?: string[]; concurrency?: number } = {}
) {
  const config = app.config.get<any>('queue')
  const logger = await app.container.make('logger')
  const manager = await app.container.make('queue.manager')
  await manager.loadJobs()

  const adapters: Record<string, unknown> = {}
  for (const [name, adapter] of Object.entries<any>(config.adapters)) {
    if (options.adapters && !options.adapters.includes(name)) continue
    adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
  }
  const defaultAdapter = options.adapters?.[0] ?? config.default
  return new Worker({
    ...config,
    default: defaultAdapter,
    autoLoadJobs: false,
    adapters,
    jobFactory: config.jobFactory ?? ((JobClass: any) => app.container.make(JobClass)),
    logger: config.logger ?? logger,
    worker: {
      ...config.worker,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      gracefulShutdown: false,
    },
  })
}
