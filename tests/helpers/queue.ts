import app from '@adonisjs/core/services/app'
import { createQueueWorker, restoreQueueManager } from '#services/queue_worker'

/**
 * Runs a real queue worker on `queues` (with the given adapter, or the
 * configured default) until `done()` holds, then stops it. Fails after
 * `timeoutMs` so a stuck job cannot hang the suite.
 */
export async function workUntil(
  done: () => Promise<boolean>,
  options: { queues?: string[]; adapter?: string; timeoutMs?: number } = {}
) {
  const worker = await createQueueWorker(app, {
    adapters: options.adapter ? [options.adapter] : undefined,
  })
  const running = worker.start(options.queues ?? ['media'])
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  try {
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('The queue worker did not finish in time')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await worker.stop()
    await running
    if (options.adapter) await restoreQueueManager(app)
  }
}
