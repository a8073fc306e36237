import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Payment from '#models/payment'
import PaymentRefund from '#models/payment_refund'
import { PaymentService } from '#services/payments/payment_service'
import { RefundService } from '#services/payments/refund_service'
import { RefundRefusedException, describeRefundError } from '#services/payments/refund_errors'
import { BANK_TRANSFER, receiveBlocker } from '#services/orders/back_office_orders'
import { labelledMessages } from '#services/shipping/policy_form'
import { formatMoney, fractionDigits } from '#services/money'
import { refundValidator } from '#validators/admin_refunds'
import RefundTransformer from '#transformers/refund_transformer'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { actorFor } from '#audit/actor'

/**
 * Payments in the back office: confirming that a bank transfer arrived (입금
 * 확인), refunding all or part of a payment or of one seller's share with a
 * reason, retrying a refund the provider did not answer, and accepting a
 * payment held for review.
 */
@inject()
export default class PaymentsController {
  constructor(
    protected payments: PaymentService,
    protected refunds: RefundService
  ) {}

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

  /**
   * Refunds the amount typed (major units) of the payment, or of one seller
   * order's share, with a reason and optionally the items it gives back. A
   * refund of money 구매확정 promised to a seller needs the override ticked
   * with its reason. A refusal or a provider's decline is a field error next
   * to the form that was sent (422 with field errors for a JSON client);
   * nothing is refunded then.
   */
  async refund({ params, auth, request, response, session, i18n, serialize }: HttpContext) {
    const payment = await Payment.findOrFail(params.id)
    const json = request.accepts(['html', 'json']) === 'json'
    const back = () => response.redirect().toRoute('admin.orders.show', { id: payment.orderId })
    const input = await request.validateUsing(refundValidator, {
      messagesProvider: labelledMessages(
        i18n,
        new Map([
          ['amount', i18n.t('payments_admin.refund.amount')],
          ['overrideReason', i18n.t('refunds.admin.override_reason')],
        ])
      ),
    })
    const rejectField = (field: string, rule: string, message: string) => {
      if (json) return response.unprocessableEntity({ errors: [{ field, rule, message }] })
      session.flashAll()
      session.flash('inputErrorsBag', { [field]: [message] })
      return back()
    }
    const minor = input.amount * 10 ** fractionDigits(payment.currency)
    if (Math.abs(minor - Math.round(minor)) > 1e-6) {
      return rejectField('amount', 'decimals', i18n.t('payments_admin.errors.decimals'))
    }
    let refund: PaymentRefund
    try {
      refund = await this.refunds.refund(
        payment,
        {
          amount: Math.round(minor),
          reason: input.reason,
          sellerOrderId: input.sellerOrderId,
          items: input.items,
          overrideReason: input.override ? input.overrideReason : null,
        },
        actorFor(auth.getUserOrFail())
      )
    } catch (error) {
      const message = describeRefundError(error, i18n, payment.currency)
      if (message === null) throw error
      const refused = error instanceof RefundRefusedException
      return rejectField(
        refused ? error.field : 'refund',
        refused ? error.refusal : 'declined',
        message
      )
    }
    if (json) {
      await refund.load('items')
      return response.status(201).send(await serialize(RefundTransformer.transform(refund)))
    }
    this.#flashOutcome(refund, payment, session, i18n)
    return back()
  }

  /** Asks the provider again about a pending refund, with its own idempotency key. */
  async retryRefund({ params, auth, response, session, i18n }: HttpContext) {
    const refund = await PaymentRefund.query()
      .where('id', params.id)
      .preload('payment')
      .firstOrFail()
    const back = () =>
      response.redirect().toRoute('admin.orders.show', { id: refund.payment.orderId })
    try {
      await this.refunds.retry(refund, actorFor(auth.getUserOrFail()))
    } catch (error) {
      const message = describeRefundError(error, i18n, refund.currency)
      if (message === null) throw error
      session.flash('error', message)
      return back()
    }
    this.#flashOutcome(refund, refund.payment, session, i18n)
    return back()
  }

  /** Keeps a payment held for review: it counts as captured and its order is paid. */
  async accept({ params, auth, response, session, i18n }: HttpContext) {
    const payment = await Payment.query().where('id', params.id).preload('order').firstOrFail()
    const back = () => response.redirect().toRoute('admin.orders.show', { id: payment.orderId })
    if (payment.status !== PaymentStatus.Review) {
      session.flash('error', i18n.t('payments_admin.review.not_in_review'))
      return back()
    }
    try {
      await this.payments.acceptReview(payment, actorFor(auth.getUserOrFail()))
    } catch (error) {
      if (!(error instanceof InvalidTransitionException)) throw error
      session.flash('error', i18n.t('payments_admin.review.cannot_accept'))
      return back()
    }
    await payment.order.refresh()
    const outcome = payment.order.paidAt ? 'accepted' : 'accepted_late'
    session.flash(
      payment.order.paidAt ? 'success' : 'error',
      i18n.t(`payments_admin.review.${outcome}`, { number: payment.order.number })
    )
    return back()
  }

  #flashOutcome(
    refund: PaymentRefund,
    payment: Payment,
    session: HttpContext['session'],
    i18n: HttpContext['i18n']
  ) {
    const outcome =
      refund.status === RefundStatus.Pending
        ? 'pending'
        : payment.adapter === BANK_TRANSFER
          ? 'recorded'
          : 'refunded'
    const amount = formatMoney(refund.amount, refund.currency, i18n.locale)
    session.flash('success', i18n.t(`payments_admin.flash.${outcome}`, { id: refund.id, amount }))
  }
}
