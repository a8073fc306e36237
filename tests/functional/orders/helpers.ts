import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type ProductVariant from '#models/product_variant'
import type SellerOrder from '#models/seller_order'
import { CartService } from '#services/cart/cart_service'
import { CheckoutService } from '#services/checkout/checkout_service'
import { PaymentService } from '#services/payments/payment_service'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { SYSTEM_ACTOR, actorFor } from '#audit/actor'
import { koreanAddress } from '#tests/helpers/commerce'

let placed = 0

/**
 * Places an order through the real checkout (a fresh guest cart with the
 * given lines), paid by bank transfer unless told otherwise.
 */
export async function placeOrder(
  lines: { variant: ProductVariant; quantity?: number }[],
  options: { paymentMethod?: string; email?: string; user?: User } = {}
) {
  const carts = await app.container.make(CartService)
  const cart = await carts.create()
  for (const line of lines) await carts.addItem(cart, line.variant.id, line.quantity ?? 1)
  const checkout = await app.container.make(CheckoutService)
  const address = koreanAddress()
  return checkout.place(
    {
      cartId: cart.id,
      email: options.email ?? options.user?.email ?? `buyer${++placed}@example.com`,
      shippingAddress: { ...address, city: null, region: null },
      paymentMethod: options.paymentMethod ?? 'bank_transfer',
      user: options.user ?? null,
      locale: 'ko',
    },
    options.user ? actorFor(options.user) : SYSTEM_ACTOR
  )
}

/** Places a bank-transfer order and marks its deposit received, so it is paid. */
export async function placePaidOrder(lines: { variant: ProductVariant; quantity?: number }[]) {
  const { order, payment } = await placeOrder(lines)
  const payments = await app.container.make(PaymentService)
  await payments.capture(payment, SYSTEM_ACTOR)
  await order.refresh()
  return { order, payment: await payment.refresh() }
}

/** Moves an order's payment deadline into the past, as if the customer never paid. */
export async function backdateExpiry(orderId: number, minutes = 5) {
  await db
    .from('orders')
    .where('id', orderId)
    .update({ expires_at: timestamp(DateTime.now().minus({ minutes })) })
}

/** Ships a paid seller order and sets when it happened (and, if given, when it was delivered). */
export async function shipBackdated(
  sellerOrder: SellerOrder,
  when: { shippedDaysAgo: number; deliveredDaysAgo?: number }
) {
  const fulfillment = await app.container.make(FulfillmentService)
  await fulfillment.ship(
    sellerOrder,
    { carrier: 'cj', trackingNumber: '123456789012' },
    SYSTEM_ACTOR
  )
  if (when.deliveredDaysAgo !== undefined) await fulfillment.deliver(sellerOrder, SYSTEM_ACTOR)
  return backdateShipment(sellerOrder, when)
}

/** Moves a shipped (or delivered) seller order's dates into the past. */
export async function backdateShipment(
  sellerOrder: SellerOrder,
  when: { shippedDaysAgo: number; deliveredDaysAgo?: number }
) {
  const daysAgo = (days: number) => timestamp(DateTime.now().minus({ days }))
  await db
    .from('seller_orders')
    .where('id', sellerOrder.id)
    .update({
      shipped_at: daysAgo(when.shippedDaysAgo),
      ...(when.deliveredDaysAgo === undefined
        ? {}
        : { delivered_at: daysAgo(when.deliveredDaysAgo) }),
    })
  return sellerOrder.refresh()
}

/** A record's status as stored now (reloads it). */
export async function statusOf<Status>(record: { status: Status; refresh(): Promise<unknown> }) {
  await record.refresh()
  return record.status
}

/** A timestamp as Lucid writes it for the connection's dialect. */
function timestamp(at: DateTime) {
  return at.toFormat(db.connection().dialect.dateTimeFormat)
}
