import type { I18n } from '@adonisjs/i18n'
import { errors as vineErrors } from '@vinejs/vine'
import {
  CartChangedException,
  CartEmptyException,
  CommerceException,
  ItemUnavailableException,
  NotDeliverableException,
  OutOfStockException,
} from '#exceptions/commerce_exceptions'

/**
 * Says in the shopper's language why a cart change or a checkout was
 * refused, for a flash message: which items ran short, which seller does
 * not ship to the address and why.
 */
export function commerceMessage(error: CommerceException, i18n: I18n): string {
  if (error instanceof OutOfStockException) {
    return error.shortages
      .map((shortage) =>
        i18n.t('shop.errors.out_of_stock', {
          title: shortage.title,
          available: shortage.available,
          requested: shortage.requested,
        })
      )
      .join(' ')
  }
  if (error instanceof NotDeliverableException) {
    return error.sellers
      .map((seller) =>
        i18n.t('shop.errors.not_deliverable', {
          seller: seller.sellerName,
          reason: i18n.t(`shipping.reason.${seller.reason}`, {}, seller.message),
        })
      )
      .join(' ')
  }
  if (error instanceof CartEmptyException) return i18n.t('shop.errors.cart_empty')
  if (error instanceof CartChangedException) return i18n.t('shop.errors.cart_changed')
  if (error instanceof ItemUnavailableException) return i18n.t('shop.errors.item_unavailable')
  return error.message
}

/**
 * The message of an error a shop form shows as a flash instead of a field
 * error (cart lines share one `quantity` name), or null when the error is
 * not the shopper's to fix.
 */
export function refusalMessage(error: unknown, i18n: I18n): string | null {
  if (error instanceof CommerceException) return commerceMessage(error, i18n)
  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    const [first] = error.messages as { message: string }[]
    return first?.message ?? null
  }
  return null
}
