import { E_NOTIFIER_DELIVERY_FAILED, E_NOTIFIER_MISCONFIGURED } from '#notifiers/errors'
import { SIGNATURE_HEADER, signWebhook } from '#notifiers/signature'
import type { Notifier, NotifierMessage } from '#notifiers/types'
import { postWebhook } from '#notifiers/webhook_post'
import { clip, webhookOptions, type WebhookOptions } from './options.js'

/** A generic webhook's options: the shared secret its receiver verifies with. */
export interface SignedWebhookOptions extends WebhookOptions {
  secret: string
}

/**
 * Any HTTP endpoint (an on-call tool, a chat bridge of one's own): POSTs the
 * alert as JSON, signed with HMAC-SHA256 over `${t}.${body}` in the
 * X-Jangteo-Signature header (`verifyWebhook` in app/notifiers/signature.ts
 * is the receiver's side). Any 2xx is accepted.
 */
export class SignedWebhookNotifier implements Notifier {
  readonly driver = 'webhook'

  constructor(readonly options: SignedWebhookOptions) {}

  static validateOptions(options: Partial<SignedWebhookOptions>): SignedWebhookOptions {
    const valid = webhookOptions('webhook', 'ALERTS_WEBHOOK_URL', options)
    if (!options.secret || options.secret.length < 16) {
      throw new E_NOTIFIER_MISCONFIGURED([
        'the webhook channel needs a secret of at least 16 characters (ALERTS_WEBHOOK_SECRET)',
      ])
    }
    return { ...valid, secret: options.secret }
  }

  async send(message: NotifierMessage): Promise<void> {
    const body = JSON.stringify({
      type: 'alert',
      severity: message.severity,
      title: message.title,
      text: message.text,
      fields: message.fields,
      link: message.link ?? null,
      sentAt: new Date().toISOString(),
    })
    const signature = signWebhook(this.options.secret, body, Math.floor(Date.now() / 1000))
    const answer = await postWebhook(this.driver, this.options.url, body, {
      timeoutMs: this.options.timeoutMs,
      headers: { [SIGNATURE_HEADER]: signature },
    })
    if (answer.status >= 200 && answer.status < 300) return
    throw new E_NOTIFIER_DELIVERY_FAILED([
      this.driver,
      `HTTP ${answer.status} ${clip(answer.body, 200)}`,
    ])
  }
}
