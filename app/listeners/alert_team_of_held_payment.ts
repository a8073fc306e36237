import config from '@adonisjs/core/services/config'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Order from '#models/order'
import type PaymentHeldForReview from '#events/payment_held_for_review'
import { formatMoney } from '#services/money'
import { raiseAlert } from '#notifiers/alerts/raise_alert'

/**
 * Tells the team's messenger that a payment is held for review, with a link
 * to the order in the back office (admins also get a mail: AlertPaymentReview).
 */
export default class AlertTeamOfHeldPayment {
  async handle(event: PaymentHeldForReview) {
    const payment = event.subject
    try {
      const order = await Order.findOrFail(payment.orderId)
      const locale = i18nManager.defaultLocale
      await raiseAlert({
        kind: 'payment_held',
        fingerprint: `payment_held:${payment.id}`,
        severity: 'warning',
        params: {
          order: order.number,
          confirmed: formatMoney(payment.capturedAmount ?? 0, payment.currency, locale),
          expected: formatMoney(order.grandTotal, order.currency, locale),
        },
        link: `${config.get<string>('app.appUrl', '')}${urlFor('admin.orders.show', { id: order.id })}`,
      })
    } catch (error) {
      // The payment is already held; an alert that cannot be queued must not undo that.
      logger.error({ err: error, paymentId: payment.id }, 'could not raise the held payment alert')
    }
  }
}
