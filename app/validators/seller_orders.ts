import vine from '@vinejs/vine'
import storeConfig from '#config/store'
import { SELLER_ORDER_STATUSES } from '#lifecycles/seller_order_lifecycle'

/** The seller's order list: one status tab and a page. */
export const sellerOrderListValidator = vine.create({
  status: vine.enum(SELLER_ORDER_STATUSES).optional(),
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})

/**
 * Handing a parcel to a carrier: one of the carriers in config/store.ts and
 * its tracking number (6–40 letters, digits or dashes).
 */
export const shipmentValidator = vine.create({
  carrier: vine.enum(Object.keys(storeConfig.orders.carriers)),
  trackingNumber: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/),
})
