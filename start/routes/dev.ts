import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/*
 * Developer tools, registered only in development (`node ace serve`,
 * `npm start`): never in production or tests, and for admins only (a 404 for
 * anyone else). /dev/mails browses what the preview mailer kept.
 */
if (app.inDev) {
  router
    .group(() => {
      router.get('/mails', [controllers.dev.MailPreviews, 'index']).as('mails.index')
      router.get('/mails/:id', [controllers.dev.MailPreviews, 'show']).as('mails.show')
      router.get('/mails/:id/html', [controllers.dev.MailPreviews, 'html']).as('mails.html')
    })
    .prefix('/dev')
    .as('dev')
    .use([middleware.silentAuth(), middleware.authorize({ ability: 'useDevTools' })])
}
