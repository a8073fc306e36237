import type { ApplicationService } from '@adonisjs/core/types'
import type { Worker } from '@adonisjs/queue'
import type { QueueBackendWatch } from '#services/queue_backend_watch'

/**
 * Runs a queue worker inside the web process when QUEUE_WORKER=embedded, so
 * the demo and small shops need a single process. Larger shops set it to
 * `off` and run `node ace queue:work` processes instead. Its backend is
 * watched like a separate worker's (schedules put back after a Redis
 * restart), but an outage is only logged: the storefront keeps serving.
 */
export default class QueueWorkerProvider {
  #worker?: Worker
  #running?: Promise<void>
  #watch?: QueueBackendWatch

  constructor(protected app: ApplicationService) {}

  async ready() {
    const { default: env } = await import('#start/env')
    if (this.app.getMode() !== 'run' || env.get('QUEUE_WORKER', 'embedded') !== 'embedded') return

    const queues = this.app.config.get<string[]>('store.workerQueues')
    const logger = await this.app.container.make('logger')
    const { createQueueWorker } = await import('#services/queue_worker')
    this.#worker = await createQueueWorker(this.app)
    this.#running = this.#worker.start(queues).catch((error) => {
      logger.error({ err: error }, 'embedded queue worker stopped')
    })
    logger.info('embedded queue worker processing queues: %s', queues.join(', '))
    const { watchWorkerBackend, DEFAULT_WORKER_BACKEND_TIMEOUT_MS } =
      await import('#services/queue_backend_watch')
    this.#watch = await watchWorkerBackend({
      logger,
      timeoutMs: env.get('WORKER_BACKEND_TIMEOUT') ?? DEFAULT_WORKER_BACKEND_TIMEOUT_MS,
      exitOnTimeout: false,
    })
  }

  async shutdown() {
    this.#watch?.stop()
    await this.#worker?.stop()
    await this.#running
  }
}
