import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import config from '@adonisjs/core/services/config'
import Order from '#models/order'
import User from '#models/user'
import { UserRole } from '#models/user_role'
import type PaymentHeldForReview from '#events/payment_held_for_review'
import PaymentReviewMail from '#mails/payment_review_mail'
import { PaymentManager } from '#payments/payment_manager'

/**
 * Alerts every admin, in their own language, that a payment is held for
 * review. Each mail is queued (SendMail), so the request that held the
 * payment never waits for SMTP.
 */
@inject()
export default class AlertPaymentReview {
  constructor(protected payments: PaymentManager) {}

  async handle(event: PaymentHeldForReview) {
    const payment = event.subject
    const appUrl = config.get<string>('app.appUrl', '')
    try {
      const order = await Order.findOrFail(payment.orderId)
      const admins = await User.query().where('role', UserRole.Admin).orderBy('id')
      for (const admin of admins) {
        const locale = admin.locale === 'en' ? 'en' : 'ko'
        await mail.sendLater(
          new PaymentReviewMail({
            email: admin.email,
            name: admin.fullName,
            locale,
            orderNumber: order.number,
            orderUrl: `${appUrl}/admin/orders/${order.id}`,
            adapter: this.payments.label(payment.adapter, locale),
            confirmed: { amount: payment.capturedAmount, currency: payment.currency },
            expected: { amount: order.grandTotal, currency: order.currency },
            reason: payment.failureReason,
          })
        )
      }
    } catch (error) {
      // The payment is already held; a mail that cannot be queued must not undo that.
      logger.error(
        { err: error, paymentId: payment.id },
        'could not queue the payment review alert'
      )
    }
  }
}
