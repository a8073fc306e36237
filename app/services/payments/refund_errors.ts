import { Exception } from '@adonisjs/core/exceptions'
import type { I18n } from '@adonisjs/i18n'
import { PaymentProviderUnavailableException } from '#payments/errors'
import { formatMoney } from '#services/money'

/** Why a refund request was refused before anything was written or sent. */
export type RefundRefusal =
  | 'not_refundable'
  | 'unsupported'
  | 'partial_unsupported'
  | 'invalid_reason'
  | 'invalid_amount'
  | 'too_large'
  | 'foreign_seller_order'
  | 'not_pending'
  | 'awaiting_provider'
  | 'purchase_confirmed'
  | 'foreign_item'
  | 'item_quantity'

/** The refund form's field a refusal is shown next to. */
const REFUSAL_FIELDS: Partial<Record<RefundRefusal, string>> = {
  purchase_confirmed: 'override',
  foreign_item: 'items',
  item_quantity: 'items',
}

/**
 * A refund that cannot be made as asked (nothing refundable, an amount above
 * what is left, no reason, a seller order or item of another order, money
 * already promised to a seller by 구매확정 without an override). Nothing was
 * written; `refundable` says what could be refunded instead, `params` fill
 * the operator's message.
 */
export class RefundRefusedException extends Exception {
  static status = 422
  static code = 'E_REFUND_REFUSED'

  constructor(
    readonly refusal: RefundRefusal,
    readonly refundable: number,
    message: string,
    readonly params: Record<string, string | number> = {}
  ) {
    super(message)
  }

  /** The form field the refusal is about (`refund` for the form as a whole). */
  get field(): string {
    return REFUSAL_FIELDS[this.refusal] ?? 'refund'
  }
}

/**
 * The provider refused the refund. The request is kept as failed with the
 * provider's code and reason, and the payment is unchanged.
 */
export class RefundDeclinedException extends Exception {
  static status = 422
  static code = 'E_REFUND_DECLINED'

  constructor(
    readonly declineCode: string,
    readonly reason: string
  ) {
    super(`The provider refused the refund (${declineCode}): ${reason}`)
  }
}

/**
 * A refund failure as the operator reads it next to the refund form, in
 * their language, with the refundable amount formatted; null for errors that
 * are not about the refund (they propagate).
 */
export function describeRefundError(error: unknown, i18n: I18n, currency: string): string | null {
  if (error instanceof RefundRefusedException) {
    const refundable = formatMoney(error.refundable, currency, i18n.locale)
    return i18n.t(`payments_admin.errors.${error.refusal}`, { ...error.params, refundable })
  }
  if (error instanceof RefundDeclinedException) {
    return i18n.t('payments_admin.errors.declined', {
      code: error.declineCode,
      reason: error.reason,
    })
  }
  if (error instanceof PaymentProviderUnavailableException) {
    return i18n.t('payments_admin.errors.unavailable')
  }
  return null
}
