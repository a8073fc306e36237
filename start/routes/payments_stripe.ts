import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/*
 * Paying with Stripe: the page where Stripe.js confirms the PaymentIntent
 * (3-D Secure included), for the order's owner only. Stripe then returns the
 * shopper to GET /payments/:attemptId/return (start/routes/shop.ts).
 */
router
  .get('/payments/stripe/:attemptId', [controllers.storefront.StripePayments, 'show'])
  .as('payments.stripe.show')
  .where('attemptId', router.matchers.uuid())
  .use(middleware.silentAuth())
