import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/*
 * Payment pages for toss: the checkout page that opens the Toss payment
 * window (also Toss's failUrl). Toss returns to /payments/:attemptId/return.
 */
router
  .get('/payments/toss/:attemptId', [controllers.storefront.TossPayments, 'show'])
  .as('payments.toss.show')
  .where('attemptId', router.matchers.uuid())
  .use(middleware.silentAuth())
