import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Routes `mail.sendLater` through @adonisjs/queue (SendMail jobs) for every
 * mailer, as soon as the mail manager is first resolved.
 */
export default class MailMessengerProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.resolving('mail.manager', async (manager) => {
      const { queueMessenger } = await import('../app/mails/queue_messenger.js')
      manager.setMessenger(queueMessenger)
    })
  }
}
