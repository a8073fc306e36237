import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import string from '@adonisjs/core/helpers/string'
import limiter from '@adonisjs/limiter/services/main'
import { Job, exponentialBackoff } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { NotifierManager } from '#notifiers/notifier_manager'
import { alertMessage } from '#notifiers/alerts/alert_message'
import type { Alert } from '#notifiers/alerts/alert'

/** One alert for one channel; `repeats` makes it the summary of a window. */
export interface QueuedAlert {
  channel: string
  alert: Alert
  repeats?: number
}

/**
 * Delivers an alert to one channel, so a messenger that is down is retried
 * alone. Each channel takes at most `perChannelPerMinute` messages a minute,
 * all alerts together: past that, alerts are dropped (and logged) rather
 * than flood the team's channel.
 */
@inject()
export default class SendAlert extends Job<QueuedAlert> {
  static options: JobOptions = {
    name: 'SendAlert',
    queue: 'default',
    maxRetries: 4,
    retry: { backoff: exponentialBackoff({ baseDelay: '30s', maxDelay: '10m' }) },
    timeout: '1m',
  }

  constructor(protected notifiers: NotifierManager) {
    super()
  }

  async execute() {
    const { channel, alert, repeats } = this.payload
    if (!this.notifiers.has(channel)) {
      logger.warn(
        { channel, kind: alert.kind },
        'alert dropped: the channel is no longer configured'
      )
      return
    }
    const { config } = this.notifiers
    const count = await limiter
      .use({ requests: config.perChannelPerMinute, duration: '1 minute' })
      .increment(`alerts:channel:${channel}`)
    if (count.consumed > config.perChannelPerMinute) {
      logger.warn(
        { channel, kind: alert.kind },
        'alert dropped: the channel is over its rate limit'
      )
      return
    }
    const windowMinutes = Math.round(string.milliseconds.parse(config.window) / 60_000)
    await this.notifiers.use(channel).send(alertMessage(alert, { windowMinutes, repeats }))
  }

  async failed(error: Error) {
    const { channel, alert } = this.payload
    logger.error({ err: error, channel, kind: alert.kind }, 'alert could not be delivered')
  }
}
