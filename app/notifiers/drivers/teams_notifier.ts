import { E_NOTIFIER_DELIVERY_FAILED } from '#notifiers/errors'
import type { Notifier, NotifierMessage } from '#notifiers/types'
import { postWebhook } from '#notifiers/webhook_post'
import { clip, webhookOptions, type WebhookOptions } from './options.js'

const COLOR = { info: 'Accent', warning: 'Warning', critical: 'Attention' }

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook, the
 * successor of the retired Office 365 connectors: POSTs a message whose one
 * attachment is an Adaptive Card (title, text, a fact set, a link button).
 * The workflow answers 202 Accepted and posts the card to its channel.
 */
export class TeamsNotifier implements Notifier {
  readonly driver = 'teams'

  constructor(readonly options: WebhookOptions) {}

  static validateOptions(options: Partial<WebhookOptions>): WebhookOptions {
    return webhookOptions('teams', 'ALERTS_TEAMS_URL', options)
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
    if (answer.status === 202 || answer.status === 200) return
    throw new E_NOTIFIER_DELIVERY_FAILED([
      this.driver,
      `HTTP ${answer.status} ${clip(answer.body, 200)}`,
    ])
  }

  #payload(message: NotifierMessage) {
    const body: Record<string, unknown>[] = [
      {
        type: 'TextBlock',
        text: clip(message.title, 500),
        weight: 'Bolder',
        size: 'Medium',
        color: COLOR[message.severity],
        wrap: true,
      },
      { type: 'TextBlock', text: clip(message.text, 4000), wrap: true },
    ]
    if (message.fields.length) {
      body.push({
        type: 'FactSet',
        facts: message.fields.map((field) => ({
          title: field.label,
          value: clip(field.value, 500),
        })),
      })
    }
    return {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body,
            ...(message.link
              ? {
                  actions: [
                    { type: 'Action.OpenUrl', title: message.link.label, url: message.link.url },
                  ],
                }
              : {}),
          },
        },
      ],
    }
  }
}
