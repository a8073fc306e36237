import { E_NOTIFIER_MISCONFIGURED } from '#notifiers/errors'
import { isWebhookUrl } from '#notifiers/webhook_post'

/** What every webhook driver needs: where to post and how long to wait for an answer. */
export interface WebhookOptions {
  url: string
  timeoutMs: number
}

/** Checks a driver's URL and timeout at boot; `setting` names the variable to fix. */
export function webhookOptions(
  driver: string,
  setting: string,
  options: Partial<WebhookOptions>
): WebhookOptions {
  if (!isWebhookUrl(options.url)) {
    throw new E_NOTIFIER_MISCONFIGURED([
      `the ${driver} channel needs an http(s) webhook URL (${setting})`,
    ])
  }
  const timeoutMs = options.timeoutMs ?? 10_000
  if (!(timeoutMs > 0)) {
    throw new E_NOTIFIER_MISCONFIGURED([`the ${driver} channel's timeoutMs must be positive`])
  }
  return { url: options.url, timeoutMs }
}

/** Text cut to `max` characters, with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
