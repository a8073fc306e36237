import { E_NOTIFIER_DELIVERY_FAILED, NotifierRateLimitedError } from '#notifiers/errors'
import type { Notifier, NotifierMessage } from '#notifiers/types'
import { postWebhook, retryAfterHeader } from '#notifiers/webhook_post'
import { clip, webhookOptions, type WebhookOptions } from './options.js'

const EMOJI = { info: ':information_source:', warning: ':warning:', critical: ':rotating_light:' }

/** Slack's mrkdwn treats &, < and > as markup (`<!channel>` pings everyone): escape them. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Slack incoming webhook: POSTs `{ text, blocks }` to the webhook URL.
 * `text` is the notification's fallback; blocks carry the layout (header,
 * detail, fields, link), within Slack's limits. Slack answers `ok` (200), or
 * an error word such as `invalid_payload` (400) or `no_service` (404).
 */
export class SlackNotifier implements Notifier {
  readonly driver = 'slack'

  constructor(readonly options: WebhookOptions) {}

  static validateOptions(options: Partial<WebhookOptions>): WebhookOptions {
    return webhookOptions('slack', 'ALERTS_SLACK_URL', options)
  }

  async send(message: NotifierMessage): Promise<void> {
    const answer = await postWebhook(
      this.driver,
      this.options.url,
      JSON.stringify(this.#payload(message)),
      {
        timeoutMs: this.options.timeoutMs,
      }
    )
    if (answer.status === 200) return
    if (answer.status === 429) {
      throw new NotifierRateLimitedError(this.driver, retryAfterHeader(answer.headers) ?? 60_000)
    }
    throw new E_NOTIFIER_DELIVERY_FAILED([
      this.driver,
      `HTTP ${answer.status} ${clip(answer.body, 200)}`,
    ])
  }

  #payload(message: NotifierMessage) {
    const blocks: Record<string, unknown>[] = [
      {
        type: 'header',
        text: { type: 'plain_text', text: clip(`${message.title}`, 150), emoji: true },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(`${EMOJI[message.severity]} ${escape(message.text)}`, 3000),
        },
      },
    ]
    if (message.fields.length) {
      blocks.push({
        type: 'section',
        fields: message.fields.slice(0, 10).map((field) => ({
          type: 'mrkdwn',
          text: clip(`*${escape(field.label)}*\n${escape(field.value)}`, 2000),
        })),
      })
    }
    if (message.link) {
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(`<${message.link.url}|${escape(message.link.label)}>`, 3000),
        },
      })
    }
    return { text: clip(escape(`${message.title}\n${message.text}`), 3000), blocks }
  }
}
