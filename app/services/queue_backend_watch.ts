import type { Logger } from '@adonisjs/core/logger'

/** Options of a QueueBackendWatch. */
export interface QueueBackendWatchOptions {
  /** Reaches the backend; throws when it cannot. */
  check: () => Promise<void>
  /** How long the backend may stay unreachable before `onTimeout`. */
  timeoutMs: number
  logger: Logger
  onTimeout: (downForMs: number) => void
}

/**
 * Watches a queue worker's backend from beside the worker loop, which
 * retries failed polls for ever without a word. It logs when the backend
 * goes away and comes back, and calls `onTimeout` each time it has been
 * away longer than `timeoutMs` (a check that hangs counts as away).
 */
export class QueueBackendWatch {
  #lastReachable = Date.now()
  #checking = false
  #down = false
  #timer?: NodeJS.Timeout

  constructor(protected options: QueueBackendWatchOptions) {}

  /** Checks now, then every quarter of the timeout (at most every 5 s). */
  start() {
    const every = Math.max(100, Math.min(5000, Math.floor(this.options.timeoutMs / 4)))
    this.#lastReachable = Date.now()
    this.#timer = setInterval(() => void this.#tick(), every)
    this.#timer.unref()
    void this.#tick()
  }

  stop() {
    clearInterval(this.#timer)
  }

  async #tick() {
    const downFor = Date.now() - this.#lastReachable
    if (downFor > this.options.timeoutMs) {
      // Counted afresh: a process that lives on is told again a timeout later.
      this.#lastReachable = Date.now()
      this.options.onTimeout(downFor)
    }
    if (this.#checking) return
    this.#checking = true
    try {
      await this.options.check()
      if (this.#down) this.options.logger.info('the queue backend is reachable again')
      this.#down = false
      this.#lastReachable = Date.now()
    } catch (error) {
      if (!this.#down) {
        this.options.logger.error(
          { err: error },
          'the queue backend is not reachable; retrying for %d ms',
          this.options.timeoutMs
        )
      }
      this.#down = true
    } finally {
      this.#checking = false
    }
  }
}

/** WORKER_BACKEND_TIMEOUT's default: a minute of outage before a worker gives up. */
export const DEFAULT_WORKER_BACKEND_TIMEOUT_MS = 60_000

/**
 * The watch a queue worker runs. Its check registers the schedules, which
 * reads them from the backend: it reaches the backend, and it puts back
 * schedules a Redis restarted empty has lost (registering keeps a schedule
 * in place, so several workers doing it still run each job once per
 * interval). `exitOnTimeout` ends the process with code 1 for its
 * supervisor to restart it; the embedded worker only logs and keeps trying.
 */
export async function watchWorkerBackend(options: {
  logger: Logger
  timeoutMs: number
  exitOnTimeout: boolean
}) {
  const { registerSchedules, scheduleIntervals } = await import('#jobs/schedules')
  const intervals = scheduleIntervals()
  let registeredOnce = false
  const watch = new QueueBackendWatch({
    timeoutMs: options.timeoutMs,
    logger: options.logger,
    check: async () => {
      const outcome = await registerSchedules(intervals)
      const created = Object.entries(outcome).filter(([, what]) => what === 'created')
      if (registeredOnce && created.length) {
        options.logger.warn(
          'the queue backend had lost schedules %s: registered them again',
          created.map(([id]) => id).join(', ')
        )
      }
      registeredOnce = true
    },
    onTimeout: (downForMs) => {
      if (!options.exitOnTimeout) {
        options.logger.error('the queue backend has been unreachable for %d ms', downForMs)
        return
      }
      options.logger.fatal(
        'the queue backend has been unreachable for %d ms (WORKER_BACKEND_TIMEOUT): exiting for the supervisor to restart this worker',
        downForMs
      )
      process.exit(1)
    },
  })
  watch.start()
  return watch
}
