import { BaseTransformer } from '@adonisjs/core/transformers'
import config from '@adonisjs/core/services/config'
import type Order from '#models/order'
import type SellerOrder from '#models/seller_order'
import PaymentTransformer from '#transformers/payment_transformer'
import { parcelRefunds, refundLines, refundTotals } from '#services/orders/order_refunds'
import { SYSTEM_REFUND_REASONS } from '#services/payments/refund_reasons'

type Carriers = Record<string, { name: string; trackingUrl: string | null }>

/** Where a customer follows a parcel, when the carrier has a tracking page. */
export function trackingUrl(sellerOrder: SellerOrder): string | null {
  if (!sellerOrder.carrier || !sellerOrder.trackingNumber) return null
  const carrier = config.get<Carriers>('store.orders.carriers')[sellerOrder.carrier]
  return (
    carrier?.trackingUrl?.replace('{number}', encodeURIComponent(sellerOrder.trackingNumber)) ??
    null
  )
}

/**
 * An order in the Store API: totals, address, one entry per seller with its
 * items (and how many of each were refunded), shipping and shipment, the
 * latest payment attempt and the refunds. Expects sellerOrders (with seller
 * and items) and payments (with refunds and their items) preloaded, as
 * orderForViewer loads them.
 */
export default class OrderTransformer extends BaseTransformer<Order> {
  toObject() {
    const order = this.resource
    const payment = order.payments.at(-1)
    const lines = refundLines(
      order.payments.flatMap((attempt) => attempt.refunds),
      order.sellerOrders
    )
    const captured = order.payments.reduce((total, attempt) => total + attempt.capturedAmount, 0)
    return {
      orderNumber: order.number,
      status: order.status,
      email: order.email,
      placedAt: order.createdAt.toISO(),
      expiresAt: order.expiresAt?.toISO() ?? null,
      paidAt: order.paidAt?.toISO() ?? null,
      canceledAt: order.canceledAt?.toISO() ?? null,
      cancelReason: order.cancelReason,
      totals: {
        subtotal: order.subtotal,
        shipping: order.shippingTotal,
        grandTotal: order.grandTotal,
        currency: order.currency,
      },
      shippingAddress: order.shippingAddress,
      sellers: order.sellerOrders.map((sellerOrder) => {
        const refunded = parcelRefunds(lines, sellerOrder).quantities
        return {
          sellerId: sellerOrder.sellerId,
          sellerName: sellerOrder.seller.name,
          status: sellerOrder.status,
          subtotal: sellerOrder.subtotal,
          shipping: {
            amount: sellerOrder.shippingAmount,
            breakdown: sellerOrder.shippingBreakdown,
          },
          shipment: sellerOrder.trackingNumber
            ? {
                carrier: sellerOrder.carrier,
                trackingNumber: sellerOrder.trackingNumber,
                trackingUrl: trackingUrl(sellerOrder),
                shippedAt: sellerOrder.shippedAt?.toISO() ?? null,
                deliveredAt: sellerOrder.deliveredAt?.toISO() ?? null,
              }
            : null,
          items: sellerOrder.items.map((item) => ({
            title: item.productTitle,
            variantLabel: item.variantLabel,
            sku: item.sku,
            unitPrice: item.unitPrice,
            quantity: item.quantity,
            lineTotal: item.lineTotal,
            refundedQuantity: refunded.get(item.id) ?? 0,
          })),
        }
      }),
      payment: payment ? new PaymentTransformer(payment).toObject() : null,
      refunds: {
        ...refundTotals(lines, captured),
        entries: lines.map((line) => ({
          status: line.pending ? 'pending' : 'succeeded',
          amount: line.amount,
          reason: line.reasonKey ? SYSTEM_REFUND_REASONS[line.reasonKey] : line.reason,
          reasonCode: line.reasonKey,
          at: line.at.toISO(),
          sellerId:
            order.sellerOrders.find((sellerOrder) => sellerOrder.id === line.sellerOrderId)
              ?.sellerId ?? null,
          items: line.items.map(({ item, quantity }) => ({
            title: item.productTitle,
            variantLabel: item.variantLabel,
            sku: item.sku,
            quantity,
          })),
        })),
      },
    }
  }
}
