import { timingSafeEqual } from 'node:crypto'
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
    .preload('payments')
    .first()
  if (!order || !canView(order, viewer)) {
    throw new Exception('Order not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  }
  return order
}

/** Whether the viewer owns the order (account or access key). */
export function canView(order: Order, viewer: { user?: User | null; accessKey?: string | null }) {
  if (viewer.user && order.userId === viewer.user.id) return true
  if (!viewer.accessKey) return false
  const given = Buffer.from(hashAccessKey(viewer.accessKey), 'hex')
  const stored = Buffer.from(order.accessKeyHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
