import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { PaymentService } from '#services/payments/payment_service'
import { PaymentProviderUnavailableException } from '#payments/errors'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { flashOutcome, isOpen, shopperActor, viewerPayment } from '#services/shop/order_pages'

/**
 * Where a provider sends the shopper back (KakaoPay's pg_token, Toss's
 * paymentKey …): the query goes to the adapter's confirm, then the shopper
 * lands on the order page. An attempt already settled (by a webhook, or an
 * earlier return) is not confirmed twice.
 */
@inject()
export default class PaymentReturnsController {
  constructor(protected payments: PaymentService) {}

  async show(ctx: HttpContext) {
    const { auth, request, response, session, i18n } = ctx
    const { payment, order } = await viewerPayment(ctx)
    if (isOpen(payment) || this.payments.awaitsSavedMethod(payment)) {
      try {
        const params = Object.fromEntries(
          Object.entries(request.qs()).map(([name, value]) => [name, String(value)])
        )
        flashOutcome(ctx, await this.payments.confirm(payment, params, shopperActor(auth.user)))
      } catch (error) {
        if (error instanceof PaymentProviderUnavailableException) {
          session.flash('error', i18n.t('shop.payment.unavailable'))
        } else if (!(error instanceof InvalidTransitionException)) {
          throw error
        }
      }
    }
    return response.redirect().toRoute('orders.show', { number: order.number })
  }
}
