import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { PaymentService } from '#services/payments/payment_service'
import { StripeAdapter } from '#payments/adapters/stripe_adapter'
import { isOpen, viewerPayment } from '#services/shop/order_pages'

const ADAPTER = 'stripe'

/**
 * Stripe's payment page for one attempt, for the order's owner only: Stripe.js
 * mounts the Payment Element (an iframe of Stripe's, so card data never
 * touches this site) and confirms the PaymentIntent, 3-D Secure included;
 * Stripe then sends the shopper to GET /payments/:attemptId/return.
 */
@inject()
export default class StripePaymentsController {
  constructor(protected payments: PaymentService) {}

  async show(ctx: HttpContext) {
    const { request, response, view } = ctx
    const { payment, order } = await viewerPayment(ctx, ADAPTER)
    const next = payment.nextAction
    if (!isOpen(payment) || next?.type !== 'client_confirmation') {
      return response.redirect().toRoute('orders.show', { number: order.number })
    }
    const adapter = this.payments.manager.use(ADAPTER)
    if (!(adapter instanceof StripeAdapter)) {
      throw new Exception('config/payments.ts registers "stripe" with another adapter', {
        status: 500,
        code: 'E_PAYMENT_ADAPTER_MISCONFIGURED',
      })
    }
    return view.render('pages/payments/stripe', {
      payment,
      order,
      jsUrl: adapter.jsUrl,
      publishableKey: adapter.publishableKey,
      clientSecret: next.clientSecret,
      // Stripe.js needs an absolute URL; APP_URL when set, else this request's origin.
      returnUrl: new URL(this.payments.urls.returnUrl(payment), request.completeUrl()).href,
    })
  }
}
