import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import config from '@adonisjs/core/services/config'
import User from '#models/user'
import { UserRole } from '#models/user_role'
import type SellerIdentityChangeRequested from '#events/seller_identity_change_requested'
import PayoutAccountChangeMail, { type MailPayoutAccount } from '#mails/payout_account_change_mail'
import { PAYOUT_FIELDS, compareIdentities } from '#services/seller_identity'

/**
 * Alerts every admin, in their own language, when a seller's change request
 * touches its payout account (bank, holder or number). Each mail is queued
 * (SendMail), so the seller's request never waits for SMTP.
 */
export default class AlertPayoutAccountChange {
  async handle(event: SellerIdentityChangeRequested) {
    const { subject: seller, request } = event
    try {
      const rows = compareIdentities(seller, request)
      const payout = rows.filter((row) => (PAYOUT_FIELDS as readonly string[]).includes(row.field))
      if (!payout.some((row) => row.changed)) return
      const account = (side: 'current' | 'requested'): MailPayoutAccount => {
        const value = (field: string) => payout.find((row) => row.field === field)![side]
        return {
          bankName: value('bankName'),
          holder: value('bankAccountHolder'),
          maskedNumber: value('bankAccountNumber'),
        }
      }
      const appUrl = config.get<string>('app.appUrl', '')
      const admins = await User.query().where('role', UserRole.Admin).orderBy('id')
      for (const admin of admins) {
        await mail.sendLater(
          new PayoutAccountChangeMail({
            email: admin.email,
            name: admin.fullName,
            locale: admin.locale === 'en' ? 'en' : 'ko',
            sellerName: seller.name,
            reviewUrl: `${appUrl}/admin/seller-changes/${request.id}`,
            current: account('current'),
            requested: account('requested'),
          })
        )
      }
    } catch (error) {
      // The request is already saved; a mail that cannot be queued must not undo that.
      logger.error(
        { err: error, sellerId: seller.id, requestId: request.id },
        'could not queue the payout account change alert'
      )
    }
  }
}
