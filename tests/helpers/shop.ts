import app from '@adonisjs/core/services/app'
import type { ApiClient } from '@japa/api-client'
import Address from '#models/address'
import type Payment from '#models/payment'
import SellerOrder from '#models/seller_order'
import type User from '#models/user'
import type { ShippingAddress } from '#services/orders/shipping_address'
import { SYSTEM_ACTOR, actorFor } from '#audit/actor'
import { CartService } from '#services/cart/cart_service'
import { CheckoutService } from '#services/checkout/checkout_service'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { PaymentService } from '#services/payments/payment_service'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'
import { encodeForm } from '#tests/helpers/forms'

/**
 * An order placed through CheckoutService the way the checkout page does:
 * one seller (flat 3,000 shipping), two units at 10,000, a Seoul address,
 * keeping the method or paying with a kept one when told. Returns the order,
 * its first payment attempt and the guest's access key.
 */
export async function placedOrder(
  options: {
    user?: User
    paymentMethod?: string
    postalCode?: string
    saveMethod?: boolean
    savedMethodId?: number
  } = {}
) {
  const { user, paymentMethod, postalCode, ...choice } = options
  const listing = await createListing({ price: 10_000, stock: 5 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const carts = await app.container.make(CartService)
  const cart = user ? await carts.forUser(user) : await carts.create()
  await carts.addItem(cart, listing.variant.id, 2)

  const checkout = await app.container.make(CheckoutService)
  const placed = await checkout.place(
    {
      cartId: cart.id,
      email: user?.email ?? 'guest@example.com',
      shippingAddress: {
        ...koreanAddress(postalCode),
        city: null,
        region: null,
      },
      paymentMethod: paymentMethod ?? 'bank_transfer',
      user: user ?? null,
      locale: 'ko',
      ...choice,
    },
    user ? actorFor(user) : { ...SYSTEM_ACTOR, role: 'customer' }
  )
  await placed.order.load('sellerOrders')
  return { ...placed, ...listing }
}

/** A cart with lines (the customer's when `user` is given), at its current version. */
export async function cartWith(lines: { variantId: number; quantity: number }[], user?: User) {
  const carts = await app.container.make(CartService)
  const cart = user ? await carts.forUser(user) : await carts.create()
  for (const line of lines) await carts.addItem(cart, line.variantId, line.quantity)
  return cart.refresh()
}

/** A guest's session holding this cart. */
export function guestSession(cartId: string) {
  return { shop: { cartId } }
}

/** One listing (20,000 + 3,000 shipping) in a cart of the customer's (or a guest's). */
export async function readyCart(user?: User) {
  const listing = await createListing({ price: 20_000, stock: 3 })
  await setPolicy(listing.seller, 'domestic', 'flat', { amount: 3000 })
  const cart = await cartWith([{ variantId: listing.variant.id, quantity: 1 }], user)
  return { ...listing, cart }
}

/**
 * Posts the checkout form (a Seoul address, placing the order) as the page
 * does, signed in as `user` or as the cart's guest; redirects not followed.
 */
export function postCheckout(
  client: ApiClient,
  cart: { id: string; version: number },
  user: User | null,
  fields: Record<string, unknown>
) {
  const request = client
    .post('/checkout')
    .header('referer', '/checkout')
    .unsafeForm(
      encodeForm({
        email: user?.email ?? 'guest@example.com',
        shippingAddress: koreanAddress(),
        cartVersion: cart.version,
        ...fields,
      })
    )
    .withCsrfToken()
    .redirects(0)
  return user ? request.loginAs(user) : request.withSession(guestSession(cart.id))
}

/** A saved address of a customer (Seoul unless told otherwise). */
export function savedAddress(
  user: User,
  values: { recipient: string; isDefault?: boolean } & Partial<ShippingAddress>
) {
  const address = { ...koreanAddress(values.postalCode), ...values }
  return Address.create({
    userId: user.id,
    recipient: values.recipient,
    phone: address.phone,
    country: address.country,
    postalCode: address.postalCode,
    line1: address.line1,
    isDefault: values.isDefault ?? false,
  })
}

/** A guest's session holding the access key of an order. */
export function holdingKey(orderNumber: string, accessKey: string) {
  return { shop: { orderKeys: { [orderNumber]: accessKey } } }
}

/** Marks the order's payment received (an admin saw the bank transfer). */
export async function markPaid(payment: Payment) {
  const payments = await app.container.make(PaymentService)
  await payments.capture(payment, SYSTEM_ACTOR)
}

/** Every seller of the order ships with CJ대한통운. */
export async function shipAll(orderId: number) {
  const fulfillment = new FulfillmentService()
  const shipment = { carrier: 'cj', trackingNumber: '6123-4567-8901' }
  for (const sellerOrder of await SellerOrder.query().where('orderId', orderId)) {
    await fulfillment.ship(sellerOrder, shipment, SYSTEM_ACTOR)
  }
}
