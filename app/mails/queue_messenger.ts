import type { Mailer } from '@adonisjs/mail'
import type { MailTransportContract, MailerMessenger } from '@adonisjs/mail/types'
import SendMail, { type QueuedMail } from '#jobs/notifications/send_mail'
import { E_UNQUEUEABLE_MAIL } from './errors.js'

/**
 * The messenger behind `mail.sendLater`: each message becomes a SendMail job
 * on @adonisjs/queue, so queued mail survives restarts and is retried, unlike
 * the package's default in-memory queue.
 */
export function queueMessenger(mailer: Mailer<MailTransportContract>): MailerMessenger {
  return {
    async queue(mail, sendConfig) {
      const payload: QueuedMail = { mailer: mailer.name, mail: asJson(mail) }
      if (sendConfig !== undefined) payload.config = sendConfig
      return SendMail.dispatch(payload)
    },
  }
}

/** The compiled message as plain JSON (what the queue stores), refusing what JSON would mangle. */
function asJson(mail: QueuedMail['mail']): QueuedMail['mail'] {
  const attachments = mail.message.attachments ?? []
  if (attachments.some((file) => file.content !== undefined && typeof file.content !== 'string')) {
    throw new E_UNQUEUEABLE_MAIL()
  }
  return JSON.parse(JSON.stringify(mail))
}
