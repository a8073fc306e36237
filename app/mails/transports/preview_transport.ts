import { configProvider } from '@adonisjs/core'
import type { Logger } from '@adonisjs/core/logger'
import { MailResponse } from '@adonisjs/mail'
import type {
  MailTransportContract,
  NodeMailerMessage,
  Recipient,
  ResponseEnvelope,
} from '@adonisjs/mail/types'
import {
  type MailPreview,
  MailPreviewStore,
  type MailPreviewStoreConfig,
} from '../mail_preview_store.js'

/**
 * A transport that delivers nothing: it keeps each rendered message as a JSON
 * file for the /dev/mails browser and logs who it was for and its subject,
 * never the body (order mails carry addresses and bank details).
 */
export class PreviewTransport implements MailTransportContract {
  constructor(
    readonly store: MailPreviewStore,
    protected logger: Logger
  ) {}

  async send(message: NodeMailerMessage): Promise<MailResponse<MailPreview>> {
    const preview = toPreview(message)
    await this.store.save(preview)
    this.logger.info(
      { to: preview.to, subject: preview.subject, preview: preview.id },
      'mail kept as a preview, not sent'
    )
    const envelope: ResponseEnvelope = {
      from: message.from ? bareAddress(message.from) : false,
      to: preview.to.map(bareAddress),
    }
    return new MailResponse(`<${preview.id}@preview.jangteo>`, envelope, preview)
  }
}

/**
 * The preview mailer for config/mail.ts. The app logger is resolved with the
 * mail config, so the transport itself reads no global state.
 */
export function previewTransport(config: MailPreviewStoreConfig) {
  return configProvider.create(async (app) => {
    const logger = await app.container.make('logger')
    return () => new PreviewTransport(new MailPreviewStore(config), logger)
  })
}

function toPreview(message: NodeMailerMessage): MailPreview {
  return {
    id: MailPreviewStore.newId(),
    date: new Date().toISOString(),
    from: message.from ? formatRecipient(message.from) : null,
    to: (message.to ?? []).map(formatRecipient),
    cc: (message.cc ?? []).map(formatRecipient),
    bcc: (message.bcc ?? []).map(formatRecipient),
    subject: message.subject ?? '',
    html: typeof message.html === 'string' ? message.html : null,
    text: typeof message.text === 'string' ? message.text : null,
  }
}

function formatRecipient(recipient: Recipient) {
  if (typeof recipient === 'string') return recipient
  return recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address
}

function bareAddress(recipient: Recipient) {
  if (typeof recipient !== 'string') return recipient.address
  return /<([^>]+)>/.exec(recipient)?.[1] ?? recipient
}
