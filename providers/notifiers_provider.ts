import type { ApplicationService } from '@adonisjs/core/types'
import { NotifierManager } from '#notifiers/notifier_manager'
import type { AlertsConfig } from '#notifiers/define_config'
import type { LatencyMonitor } from '#notifiers/alerts/triggers/latency_monitor'

/**
 * Registers the notifier manager over config/alerts.ts and starts the
 * in-process triggers: final job failures wherever a worker may run, and,
 * in the web process, the request-time and event-loop sampler. With no
 * channel configured, alerts are off and this says so once at boot.
 */
export default class NotifiersProvider {
  #latency?: LatencyMonitor

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(NotifierManager, () => {
      return new NotifierManager(this.app.config.get<AlertsConfig>('alerts'))
    })
  }

  async ready() {
    if (this.app.getMode() !== 'run') return
    const { watchJobFailures } = await import('#notifiers/alerts/triggers/job_failures')
    watchJobFailures()
    if (this.app.getEnvironment() !== 'web') return

    const notifiers = await this.app.container.make(NotifierManager)
    const logger = await this.app.container.make('logger')
    if (!notifiers.enabled) {
      logger.info(
        'alerts are off: set ALERTS_SLACK_URL, ALERTS_DISCORD_URL, ALERTS_TEAMS_URL or ALERTS_WEBHOOK_URL'
      )
      return
    }
    logger.info('alerts go to: %s', notifiers.channels().join(', '))
    const { watchLatency } = await import('#notifiers/alerts/triggers/latency_monitor')
    this.#latency = await watchLatency(this.app, notifiers.config.latency)
  }

  async shutdown() {
    this.#latency?.stop()
  }
}
