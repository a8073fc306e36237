import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { Job, exponentialBackoff } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import type { MailersList, MessageBodyTemplates, NodeMailerMessage } from '@adonisjs/mail/types'

/** A message queued with `mail.sendLater`, as JSON: which mailer, the compiled message, its send options. */
export interface QueuedMail {
  mailer: string
  mail: { message: NodeMailerMessage; views: MessageBodyTemplates }
  config?: unknown
}

/**
 * Delivers a queued mail through the mailer it was queued on. SMTP outages
 * are retried with a growing delay; after the last attempt the failure is
 * logged with the recipients and subject (never the body).
 */
export default class SendMail extends Job<QueuedMail> {
  static options: JobOptions = {
    name: 'SendMail',
    queue: 'default',
    maxRetries: 5,
    retry: { backoff: exponentialBackoff({ baseDelay: '30s', maxDelay: '30m' }) },
    timeout: '2m',
  }

  async execute() {
    const { mailer, mail: compiled, config } = this.payload
    // From the container, not @adonisjs/mail/services/main: that module awaits
    // the mail manager, whose messenger imports this job (an import cycle).
    const mail = await app.container.make('mail.manager')
    await mail.use(mailer as keyof MailersList).sendCompiled(compiled, config)
  }

  async failed(error: Error) {
    const { mailer, mail: compiled } = this.payload
    logger.error(
      {
        err: error,
        mailer,
        to: compiled.message.to,
        subject: compiled.message.subject,
        attempts: this.context.attempt,
      },
      'mail could not be delivered'
    )
  }
}
