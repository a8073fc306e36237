import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import type { InferMailers } from '@adonisjs/mail/types'
import { previewTransport } from '../app/mails/transports/preview_transport.js'

/**
 * Where the preview mailer keeps rendered messages for the /dev/mails
 * browser. Test runs keep theirs apart so they never show up there.
 */
export const mailPreviews = {
  directory: app.tmpPath(app.inTest ? 'test-mail-previews' : 'mail-previews'),
  keep: env.get('MAIL_PREVIEW_KEEP', 50),
}

const smtpUser = env.get('SMTP_USERNAME')

/**
 * Outside production nothing is sent: the `preview` mailer keeps each message
 * under tmp/mail-previews (browse them at /dev/mails). Production sends over
 * SMTP unless MAIL_MAILER says otherwise. `mail.sendLater` goes through the
 * job queue (providers/mail_messenger_provider.ts).
 */
const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER', app.inProduction ? 'smtp' : 'preview'),
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'no-reply@localhost'),
    name: env.get('MAIL_FROM_NAME', env.get('STORE_NAME', 'Jangteo')),
  },
  mailers: {
    preview: previewTransport(mailPreviews),
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 587),
      secure: env.get('SMTP_SECURE', false),
      auth: smtpUser
        ? { type: 'login', user: smtpUser, pass: env.get('SMTP_PASSWORD')?.release() ?? '' }
        : undefined,
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
