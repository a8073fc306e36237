import { monitorEventLoopDelay } from 'node:perf_hooks'
import logger from '@adonisjs/core/services/logger'
import type { ApplicationService } from '@adonisjs/core/types'
import type { AlertThresholds } from '#notifiers/define_config'
import { raiseAlert } from '#notifiers/alerts/raise_alert'

/** Fewer requests than this in a minute say nothing about its p95. */
const MIN_REQUESTS = 5

/** Most request times kept per minute; past that the minute is sampled. */
const MAX_SAMPLES = 50_000

/** The value below which `percent` of `values` fall (nearest rank). */
export function percentile(values: number[], percent: number): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((percent / 100) * sorted.length) - 1)]
}

/**
 * Samples this process's request times (fed from `http:request_completed`)
 * and event-loop delay (perf_hooks), closes a period every minute, and
 * raises an alert once request p95 or the loop delay's p95 has stayed over
 * its threshold for `forMinutes` periods in a row. While it stays over,
 * every further period counts into the alert's summary.
 */
export class LatencyMonitor {
  #durations: number[] = []
  #loop = monitorEventLoopDelay({ resolution: 20 })
  #slowPeriods = 0
  #lagPeriods = 0
  #timer?: NodeJS.Timeout
  #detach = () => {}

  constructor(readonly thresholds: AlertThresholds['latency']) {}

  /** One request's time, in milliseconds. */
  record(durationMs: number) {
    if (this.#durations.length < MAX_SAMPLES) this.#durations.push(durationMs)
  }

  /** Requests recorded in the current period. */
  get pending(): number {
    return this.#durations.length
  }

  start(periodMs = 60_000) {
    this.#loop.enable()
    this.#timer = setInterval(() => void this.closePeriod(), periodMs).unref()
  }

  /** Runs `detach` on stop (to unsubscribe whatever feeds the monitor). */
  onStop(detach: () => void) {
    this.#detach = detach
  }

  stop() {
    this.#detach()
    clearInterval(this.#timer)
    this.#loop.disable()
  }

  /** Ends the current period: checks both thresholds, then starts the next one. */
  async closePeriod(): Promise<void> {
    const durations = this.#durations
    this.#durations = []
    const p95 = Math.round(percentile(durations, 95))
    const lag = Math.round(this.#loop.percentile(95) / 1e6)
    this.#loop.reset()
    const { p95Ms, eventLoopLagMs, forMinutes } = this.thresholds

    const slow = durations.length >= MIN_REQUESTS && p95 > p95Ms
    this.#slowPeriods = slow ? this.#slowPeriods + 1 : 0
    this.#lagPeriods = lag > eventLoopLagMs ? this.#lagPeriods + 1 : 0
    try {
      if (this.#slowPeriods >= forMinutes) {
        await raiseAlert({
          kind: 'slow_requests',
          fingerprint: 'slow_requests',
          severity: 'warning',
          params: { p95, threshold: p95Ms, minutes: forMinutes, requests: durations.length },
        })
      }
      if (this.#lagPeriods >= forMinutes) {
        await raiseAlert({
          kind: 'event_loop_lag',
          fingerprint: 'event_loop_lag',
          severity: 'warning',
          params: { lag, threshold: eventLoopLagMs, minutes: forMinutes },
        })
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not raise the latency alert')
    }
  }
}

/**
 * Starts a monitor fed by every completed request of this web process
 * (the HTTP server's `http:request_completed` event, timed with hrtime).
 */
export async function watchLatency(
  app: ApplicationService,
  thresholds: AlertThresholds['latency'],
  periodMs = 60_000
): Promise<LatencyMonitor> {
  const monitor = new LatencyMonitor(thresholds)
  const emitter = await app.container.make('emitter')
  const listener = ({ duration }: { duration: [number, number] }) => {
    monitor.record(duration[0] * 1000 + duration[1] / 1e6)
  }
  emitter.on('http:request_completed', listener)
  monitor.onStop(() => emitter.off('http:request_completed', listener))
  monitor.start(periodMs)
  return monitor
}
