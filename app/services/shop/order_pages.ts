import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import { Exception } from '@adonisjs/core/exceptions'
import Order from '#models/order'
import Payment from '#models/payment'
import type User from '#models/user'
import type { ShippingAddress } from '#services/orders/shipping_address'
import { SYSTEM_ACTOR, actorFor } from '#audit/actor'
import type { Actor } from '#audit/actor'
import { orderLifecycle } from '#lifecycles/order_lifecycle'
import { sellerOrderLifecycle } from '#lifecycles/seller_order_lifecycle'
import { PaymentStatus, paymentLifecycle } from '#lifecycles/payment_lifecycle'
import { canView, orderForViewer } from '#services/orders/order_lookup'
import { trackingUrl } from '#transformers/order_transformer'
import { countryName } from '#formatting/country_names'
import { carrierName } from '#services/orders/carriers'
import { orderKeyFor, rememberOrderKey } from '#services/shop/shop_session'
import {
  parcelRefunds,
  refundBadge,
  refundLines,
  refundTotals,
} from '#services/orders/order_refunds'

/** Who acts on the storefront, as the audit log records it (a guest is a customer without id). */
export function shopperActor(user: User | null | undefined): Actor {
  return user ? actorFor(user) : { ...SYSTEM_ACTOR, role: 'customer' }
}

/**
 * An order for whoever asks: its account, or the access key from `?key=`
 * (the email link) or the session (the guest who placed it). A key that
 * opens the order is remembered, so the page's buttons work without it.
 * Anyone else gets a 404.
 */
export async function viewerOrder(
  { auth, request, session }: Pick<HttpContext, 'auth' | 'request' | 'session'>,
  number: string
): Promise<Order> {
  const given = request.input('key')
  const key = typeof given === 'string' && given ? given : orderKeyFor(session, number)
  const order = await orderForViewer(number, { user: auth.user, accessKey: key })
  if (key && order.userId !== auth.user?.id) rememberOrderKey(session, number, key)
  return order
}

/** A payment attempt and its order, for the order's owner only (404 otherwise). */
export async function viewerPayment(
  { auth, session, params }: Pick<HttpContext, 'auth' | 'session' | 'params'>,
  adapter?: string
): Promise<{ payment: Payment; order: Order }> {
  const payment = await Payment.findBy('attemptId', params.attemptId)
  const order = payment ? await Order.find(payment.orderId) : null
  const owner =
    order && canView(order, { user: auth.user, accessKey: orderKeyFor(session, order.number) })
  if (!payment || !order || !owner || (adapter && payment.adapter !== adapter)) {
    throw new Exception('Payment not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  }
  return { payment, order }
}

/** Whether the shopper may still pay with this attempt. */
export function isOpen(payment: Payment): boolean {
  return paymentLifecycle.can(payment.status, 'capture')
}

/**
 * Where the shopper goes after an attempt starts: the provider's page, our
 * page that confirms it in the browser (Stripe.js), or null (the order page).
 */
export function redirectOf(payment: Payment): string | null {
  const next = payment.nextAction
  if (!next || !isOpen(payment)) return null
  if (next.type === 'redirect') return next.url
  if (next.type === 'client_confirmation' && payment.adapter === 'stripe') {
    return router.makeUrl('payments.stripe.show', { attemptId: payment.attemptId })
  }
  return null
}

/**
 * Tells the shopper how a payment attempt ended, in their language: paid,
 * declined with the reason, or still waiting.
 */
export function flashOutcome(
  { session, i18n }: Pick<HttpContext, 'session' | 'i18n'>,
  payment: Payment
) {
  if (payment.status === PaymentStatus.Captured || payment.status === PaymentStatus.Authorized) {
    session.flash('success', i18n.t('shop.payment.paid'))
  } else if (payment.status === PaymentStatus.Failed) {
    session.flash(
      'error',
      i18n.t('shop.payment.declined', { reason: declineReason(payment, i18n) })
    )
  } else if (payment.status === PaymentStatus.Canceled) {
    session.flash('error', i18n.t('shop.payment.canceled'))
  }
}

/** A failed attempt's reason by its code, falling back to the adapter's words. */
function declineReason(payment: Payment, i18n: HttpContext['i18n']): string {
  const code = payment.failureCode ?? 'card_declined'
  return i18n.t(`shop.payment.decline.${code}`, {}, payment.failureReason ?? code)
}

/**
 * What the order page shows and which buttons it offers, decided here with
 * the state machines so the template compares no status strings. Expects
 * the order as orderForViewer loads it (payments with their refunds).
 */
export function presentOrder(order: Order, locale: string) {
  const payment = order.payments.at(-1) ?? null
  const refunds = refundLines(
    order.payments.flatMap((attempt) => attempt.refunds),
    order.sellerOrders
  )
  const captured = order.payments.reduce((total, attempt) => total + attempt.capturedAmount, 0)
  const refundState = refundTotals(refunds, captured)
  const open = payment !== null && isOpen(payment)
  const next = open ? payment.nextAction : null
  const transfer =
    next?.type === 'instructions'
      ? { ...next.instructions, dueAt: DateTime.fromJSDate(new Date(next.instructions.dueAt)) }
      : null
  return {
    order,
    payment,
    paymentFailed: payment?.status === PaymentStatus.Failed,
    canCancel: orderLifecycle.can(order.status, 'cancel'),
    underReview: payment?.status === PaymentStatus.Review,
    canPayAgain:
      orderLifecycle.can(order.status, 'pay') && !open && payment?.status !== PaymentStatus.Review,
    continueUrl: open ? redirectOf(payment) : null,
    transfer,
    addressLines: addressLines(order.shippingAddress, locale),
    refunds: { lines: refunds, captured, ...refundState },
    refundBadge: refundBadge(order, refundState.state),
    parcels: order.sellerOrders.map((sellerOrder) => ({
      refunds: parcelRefunds(refunds, sellerOrder),
      sellerOrder,
      carrierName: sellerOrder.carrier ? carrierName(sellerOrder.carrier, locale) : null,
      trackingUrl: trackingUrl(sellerOrder),
      canConfirm: sellerOrderLifecycle.can(sellerOrder.status, 'confirm'),
    })),
  }
}

/** The address as it is written on a parcel: name and phone, postal code and lines, country. */
function addressLines(address: ShippingAddress, locale: string): string[] {
  return [
    `${address.name} · ${address.phone}`,
    `(${address.postalCode}) ${[address.line1, address.line2].filter(Boolean).join(' ')}`,
    [address.city, address.region, countryName(address.country, locale)].filter(Boolean).join(', '),
  ]
}
