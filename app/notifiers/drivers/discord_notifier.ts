import { setTimeout as sleep } from 'node:timers/promises'
import { E_NOTIFIER_DELIVERY_FAILED, NotifierRateLimitedError } from '#notifiers/errors'
import type { Notifier, NotifierMessage } from '#notifiers/types'
import { postWebhook, retryAfterHeader, type WebhookAnswer } from '#notifiers/webhook_post'
import { clip, webhookOptions, type WebhookOptions } from './options.js'

const COLOR = { info: 0x3498db, warning: 0xf1c40f, critical: 0xe74c3c }
const EMBED_TOTAL = 6000

/** Discord options: how long a 429 may be waited out in place before the job retries later. */
export interface DiscordOptions extends WebhookOptions {
  maxWaitMs: number
}

/**
 * Discord webhook: POSTs `{ content, embeds }` (no mentions parsed, so an
 * alert can never ping @everyone). Discord answers 204; on 429 it says in
 * `retry_after` (seconds) when to try again: a short wait is taken here,
 * a longer one is left to the job's retry.
 */
export class DiscordNotifier implements Notifier {
  readonly driver = 'discord'

  constructor(readonly options: DiscordOptions) {}

  static validateOptions(options: Partial<DiscordOptions>): DiscordOptions {
    return {
      ...webhookOptions('discord', 'ALERTS_DISCORD_URL', options),
      maxWaitMs: options.maxWaitMs ?? 5000,
    }
  }

  async send(message: NotifierMessage): Promise<void> {
    const body = JSON.stringify(this.#payload(message))
    for (let attempt = 1; ; attempt++) {
      const answer = await postWebhook(this.driver, this.options.url, body, {
        timeoutMs: this.options.timeoutMs,
      })
      if (answer.status === 204 || answer.status === 200) return
      if (answer.status !== 429) {
        throw new E_NOTIFIER_DELIVERY_FAILED([
          this.driver,
          `HTTP ${answer.status} ${clip(answer.body, 200)}`,
        ])
      }
      const waitMs = retryAfter(answer)
      if (waitMs > this.options.maxWaitMs || attempt >= 3) {
        throw new NotifierRateLimitedError(this.driver, waitMs)
      }
      await sleep(waitMs)
    }
  }

  #payload(message: NotifierMessage) {
    const title = clip(message.title, 256)
    const description = clip(message.text, 2000)
    // An embed's characters, fields included, may not pass 6000 in all; the
    // link is kept whatever else must go.
    const link = message.link
      ? { name: clip(message.link.label, 256), value: clip(message.link.url, 1024) }
      : null
    let budget =
      EMBED_TOTAL -
      title.length -
      description.length -
      (link ? link.name.length + link.value.length : 0)
    const fields: { name: string; value: string; inline?: boolean }[] = []
    for (const entry of message.fields.slice(0, 24)) {
      const field = {
        name: clip(entry.label, 256),
        value: clip(entry.value || '-', 1024),
        inline: true,
      }
      if (field.name.length + field.value.length > budget) break
      budget -= field.name.length + field.value.length
      fields.push(field)
    }
    if (link) fields.push(link)
    return {
      content: clip(message.title, 2000),
      embeds: [
        {
          title,
          description,
          color: COLOR[message.severity],
          ...(message.link ? { url: message.link.url } : {}),
          fields,
        },
      ],
      allowed_mentions: { parse: [] },
    }
  }
}

/** Discord's wait in ms: the JSON body's `retry_after` (seconds), else the Retry-After header. */
function retryAfter(answer: WebhookAnswer): number {
  try {
    const seconds = (JSON.parse(answer.body) as { retry_after?: unknown }).retry_after
    if (typeof seconds === 'number' && seconds >= 0) return Math.ceil(seconds * 1000)
  } catch {}
  return retryAfterHeader(answer.headers) ?? 1000
}
