import { createError } from '@adonisjs/core/exceptions'

/** A channel name that config/alerts.ts does not register. */
export const E_UNKNOWN_NOTIFIER = createError<[string]>(
  'Unknown alert channel "%s". Register it in config/alerts.ts',
  'E_UNKNOWN_NOTIFIER',
  500
)

/** A driver's options are missing or wrong; thrown while config/alerts.ts loads. */
export const E_NOTIFIER_MISCONFIGURED = createError<[string]>(
  'config/alerts.ts: %s',
  'E_NOTIFIER_MISCONFIGURED',
  500
)

/**
 * The messenger refused the message or could not be reached. The message
 * names the driver and the service's answer, never the webhook URL.
 */
export const E_NOTIFIER_DELIVERY_FAILED = createError<[string, string]>(
  'The %s notifier could not deliver the alert: %s',
  'E_NOTIFIER_DELIVERY_FAILED',
  502
)

/** The messenger asked to wait longer than a driver waits in place; the job retries later. */
export class NotifierRateLimitedError extends createError<[string, number]>(
  'The %s messenger asked to wait %d ms before the next message',
  'E_NOTIFIER_RATE_LIMITED',
  429
) {
  constructor(
    driver: string,
    readonly retryAfterMs: number
  ) {
    super([driver, retryAfterMs])
  }
}
