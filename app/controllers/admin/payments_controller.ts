import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Payment from '#models/payment'
import { PaymentService } from '#services/payments/payment_service'
import { receiveBlocker } from '#services/orders/back_office_orders'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { actorFor } from '#audit/actor'

/** Payments in the back office: confirming that a bank transfer arrived (입금 확인). */
@inject()
export default class PaymentsController {
  constructor(protected payments: PaymentService) {}

  /**
   * Marks a pending bank transfer received, which pays its order. Anything
   * else (a card payment, a deposit already received, a canceled attempt)
   * is refused with a message and changes nothing.
   */
  async receive({ params, auth, response, session, i18n }: HttpContext) {
    const payment = await Payment.query().where('id', params.id).preload('order').firstOrFail()
    const back = () => response.redirect().toRoute('admin.orders.show', { id: payment.orderId })

    const blocker = receiveBlocker(payment)
    if (blocker) {
      session.flash('error', i18n.t(`back_office.payments.receive_blocked.${blocker}`))
      return back()
    }
    try {
      await this.payments.capture(payment, actorFor(auth.getUserOrFail()))
    } catch (error) {
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('back_office.payments.receive_blocked.not_pending'))
      return back()
    }
    // The order may have expired a moment before; the payment service then refunded the deposit.
    await payment.order.refresh()
    if (payment.order.paidAt) {
      session.flash(
        'success',
        i18n.t('back_office.payments.received', { number: payment.order.number })
      )
    } else {
      session.flash(
        'error',
        i18n.t('back_office.payments.received_late', { number: payment.order.number })
      )
    }
    return back()
  }
}
