import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import string from '@adonisjs/core/helpers/string'
import limiter from '@adonisjs/limiter/services/main'
import { NotifierManager } from '#notifiers/notifier_manager'
import { raiseAlert } from '#notifiers/alerts/raise_alert'

/**
 * Counts a payment webhook refused for its signature, per provider, on the
 * rate limiter's store (shared by every web process). Reaching the
 * threshold within the window raises an alert; more failures in the same
 * alert window are counted into its summary. A counting error is only
 * logged: the refusal itself stands.
 */
export async function countSignatureFailure(adapter: string): Promise<void> {
  try {
    const notifiers = await app.container.make(NotifierManager)
    if (!notifiers.enabled) return
    const { failures, within } = notifiers.config.webhookSignatures
    const count = await limiter
      .use({ requests: failures, duration: within })
      .increment(`alerts:webhook-signatures:${adapter}`)
    if (count.consumed < failures) return
    await raiseAlert({
      kind: 'webhook_signatures',
      fingerprint: `webhook_signatures:${adapter}`,
      severity: 'critical',
      params: {
        provider: adapter,
        failures: count.consumed,
        minutes: Math.round(string.milliseconds.parse(within) / 60_000),
      },
    })
  } catch (error) {
    logger.warn({ err: error, adapter }, 'could not count the refused webhook signature')
  }
}
