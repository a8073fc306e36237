import app from '@adonisjs/core/services/app'
import Payment from '#models/payment'
import type SellerOrder from '#models/seller_order'
import type User from '#models/user'
import { SYSTEM_ACTOR, type Actor } from '#audit/actor'
import { createSellerOwner } from '#database/factories/index'
import { FulfillmentService } from '#services/orders/fulfillment_service'
import { PaymentService } from '#services/payments/payment_service'
import { RefundService, type RefundRequest } from '#services/payments/refund_service'
import { createListing, setPolicy } from '#tests/helpers/commerce'
import { placeOrder } from '#tests/functional/orders/helpers'

/**
 * A paid two-seller bank-transfer order: seller A sells 2 × 10,000 with
 * 3,000 shipping (23,000), seller B 1 × 5,000 with 2,500 shipping (7,500),
 * 30,500 in all; each variant starts with 5 in stock. Returns each seller's
 * owner (to log in to the seller center), seller order and listing.
 */
export async function paidTwoSellerOrder(options: { user?: User } = {}) {
  const a = await sellerWithListing(10_000, 3000)
  const b = await sellerWithListing(5_000, 2500)
  const { order, payment } = await placeOrder(
    [
      { variant: a.variant, quantity: 2 },
      { variant: b.variant, quantity: 1 },
    ],
    { user: options.user }
  )
  const payments = await app.container.make(PaymentService)
  await payments.capture(payment, SYSTEM_ACTOR)
  await order.load('sellerOrders', (sellerOrders) => sellerOrders.preload('items'))
  const partOf = (sellerId: number) =>
    order.sellerOrders.find((sellerOrder) => sellerOrder.sellerId === sellerId)!
  return {
    order: await order.refresh(),
    payment: await payment.refresh(),
    a: { ...a, sellerOrder: partOf(a.seller.id) },
    b: { ...b, sellerOrder: partOf(b.seller.id) },
  }
}

async function sellerWithListing(price: number, shipping: number) {
  const { owner, seller } = await createSellerOwner()
  const listing = await createListing({ seller, price, stock: 5 })
  await setPolicy(seller, 'domestic', 'flat', { amount: shipping })
  return { owner, ...listing }
}

/** Refunds through the refund service (a bank transfer refund is recorded at once). */
export async function refund(
  payment: Payment,
  request: RefundRequest,
  actor: Actor = SYSTEM_ACTOR
) {
  const refunds = await app.container.make(RefundService)
  return refunds.refund(await Payment.findOrFail(payment.id), request, actor)
}

/** Ships a seller order and, when told, has the customer confirm the purchase (구매확정). */
export async function shipParcel(sellerOrder: SellerOrder, options: { confirm?: boolean } = {}) {
  const fulfillment = new FulfillmentService()
  await fulfillment.ship(
    sellerOrder,
    { carrier: 'cj', trackingNumber: '600012345678' },
    SYSTEM_ACTOR
  )
  if (options.confirm) await fulfillment.confirmPurchase(sellerOrder, SYSTEM_ACTOR)
  return sellerOrder.refresh()
}

/** The text of every element marked `data-test="<name>"` in a page, tags dropped, whitespace collapsed. */
export function testTexts(html: string, name: string): string[] {
  const texts: string[] = []
  const opening = new RegExp(`<(\\w+)[^>]*data-test="${name}"[^>]*>`, 'g')
  for (const match of html.matchAll(opening)) {
    const tag = match[1]
    const start = match.index! + match[0].length
    // Elements of the same tag nested inside are counted so the right closing tag ends the text.
    let depth = 1
    let cursor = start
    const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g')
    tags.lastIndex = start
    let end = html.length
    for (let next = tags.exec(html); next; next = tags.exec(html)) {
      depth += next[1] ? -1 : 1
      cursor = next.index
      if (depth === 0) {
        end = cursor
        break
      }
    }
    texts.push(
      html
        .slice(start, end)
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim()
    )
  }
  return texts
}
