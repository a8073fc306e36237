import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import storeConfig from '#config/store'
import type { MailLocale } from './order_mail_data.js'

/** A payout account as a mail shows it: the number masked but for its last four digits. */
export interface MailPayoutAccount {
  bankName: string
  holder: string
  maskedNumber: string
}

/** A seller's request to change its payout account, as one admin reads about it (plain, JSON-safe data). */
export interface PayoutAccountChangeMailData {
  email: string
  name: string
  locale: MailLocale
  sellerName: string
  /** Absolute URL of the request in the back office, where an operator decides. */
  reviewUrl: string
  current: MailPayoutAccount
  requested: MailPayoutAccount
}

/**
 * Tells an admin that a seller asked to pay its earnings into another
 * account: the old one stays in force until an operator approves. A hijacked
 * seller account would do exactly this, hence the mail. Text only, in the
 * admin's language, never a full account number.
 */
export default class PayoutAccountChangeMail extends BaseMail {
  constructor(readonly change: PayoutAccountChangeMailData) {
    super()
  }

  async prepare() {
    const { change } = this
    const i18n = i18nManager.locale(change.locale)
    const account = ({ bankName, holder, maskedNumber }: MailPayoutAccount) =>
      `${bankName} ${maskedNumber} (${holder})`
    const params = {
      store: storeConfig.name,
      name: change.name,
      seller: change.sellerName,
      current: account(change.current),
      requested: account(change.requested),
      url: change.reviewUrl,
    }
    this.message.to(change.email, change.name)
    this.message.subject(i18n.t('seller_identity.mail.subject', params))
    this.message.text(
      ['greeting', 'requested', 'current', 'proposed', 'check', 'link']
        .map((line) => i18n.t(`seller_identity.mail.${line}`, params))
        .join('\n')
        .concat('\n')
    )
  }
}
