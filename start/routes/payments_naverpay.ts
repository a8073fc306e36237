import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/*
 * Payment pages for naverpay: the page that opens the NaverPay payment
 * window. NaverPay returns to /payments/:attemptId/return.
 */
router
  .get('/payments/naverpay/:attemptId', [controllers.storefront.NaverpayPayments, 'show'])
  .as('payments.naverpay.show')
  .where('attemptId', router.matchers.uuid())
  .use(middleware.silentAuth())
