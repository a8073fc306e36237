import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import storeConfig from '#config/store'
import { formatMoney } from '#services/money'
import type { MailLocale } from './order_mail_data.js'

/** A payment held for review, as one admin reads about it (plain, JSON-safe data). */
export interface PaymentReviewMailData {
  email: string
  name: string
  locale: MailLocale
  orderNumber: string
  /** Absolute URL of the order in the back office, where the admin decides. */
  orderUrl: string
  /** The payment method's name in the admin's language. */
  adapter: string
  /** What the provider confirmed, in minor units of its currency. */
  confirmed: { amount: number; currency: string }
  /** What the order asked for. */
  expected: { amount: number; currency: string }
  reason: string | null
}

/**
 * Tells an admin that a provider confirmed another amount or currency than
 * an order's: the money is held, the order is not paid, and someone must
 * accept or refund it on the order page. Text only, in the admin's language.
 */
export default class PaymentReviewMail extends BaseMail {
  constructor(readonly review: PaymentReviewMailData) {
    super()
  }

  async prepare() {
    const { review } = this
    const i18n = i18nManager.locale(review.locale)
    const money = ({ amount, currency }: { amount: number; currency: string }) =>
      formatMoney(amount, currency, review.locale)
    const params = {
      store: storeConfig.name,
      name: review.name,
      orderNumber: review.orderNumber,
      adapter: review.adapter,
      confirmed: money(review.confirmed),
      expected: money(review.expected),
      reason: review.reason ?? '-',
      url: review.orderUrl,
    }
    this.message.to(review.email, review.name)
    this.message.subject(i18n.t('payments_admin.mail.subject', params))
    this.message.text(
      ['greeting', 'held', 'confirmed', 'expected', 'reason', 'decide', 'link']
        .map((line) => i18n.t(`payments_admin.mail.${line}`, params))
        .join('\n')
        .concat('\n')
    )
  }
}
