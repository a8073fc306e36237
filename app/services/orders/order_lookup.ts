import { createHmac, timingSafeEqual } from 'node:crypto'
import env from '#start/env'
import { Exception } from '@adonisjs/core/exceptions'
import Order from '#models/order'
import type User from '#models/user'
import { hashAccessKey } from '#services/checkout/checkout_service'

/**
 * An order as its owner sees it: the signed-in customer who placed it, or
 * whoever holds its access key (guests, email links). Anyone else gets the
 * same 404 as for a number that does not exist.
 */
export async function orderForViewer(
  number: string,
  viewer: { user?: User | null; accessKey?: string | null }
): Promise<Order> {
  const order = await Order.query()
    .where('number', number)
    .preload('sellerOrders', (sellerOrders) => sellerOrders.preload('seller').preload('items'))
    .preload('payments', (payments) =>
      payments.preload('refunds', (refunds) => refunds.preload('items'))
    )
    .first()
  if (!order || !canView(order, viewer)) {
    throw new Exception('Order not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  }
  return order
}

/**
 * Whether the viewer owns the order: its account, the key handed out at
 * checkout, or the key in the order's email links.
 */
export function canView(order: Order, viewer: { user?: User | null; accessKey?: string | null }) {
  if (viewer.user && order.userId === viewer.user.id) return true
  if (!viewer.accessKey) return false
  return (
    sameBytes(hashAccessKey(viewer.accessKey), order.accessKeyHash) ||
    sameBytes(viewer.accessKey, orderLinkKey(order.number))
  )
}

/**
 * The key in an order's email links, derived from the app key, so links work
 * without storing the checkout's key in clear (it is kept only hashed).
 */
export function orderLinkKey(orderNumber: string): string {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(`jangteo:order-link:${orderNumber}`)
    .digest('base64url')
}

function sameBytes(a: string, b: string) {
  const given = Buffer.from(a)
  const expected = Buffer.from(b)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
