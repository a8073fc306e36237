import { inject } from '@adonisjs/core'
import config from '@adonisjs/core/services/config'
import router from '@adonisjs/core/services/router'
import Order from '#models/order'
import type SellerOrder from '#models/seller_order'
import PaymentRefund from '#models/payment_refund'
import {
  parcelRefunds,
  refundLines,
  refundTotals,
  sellerOrderRefunds,
} from '#services/orders/order_refunds'
import { PaymentManager } from '#payments/payment_manager'
import { trackingUrl } from '#transformers/order_transformer'
import { orderLinkKey } from '#services/orders/order_lookup'
import { carrierName } from '#services/orders/carriers'
import type {
  MailLocale,
  MailParcel,
  OrderMailData,
  RefundMailData,
  SellerOrderMailData,
  ShipmentMailData,
} from '#mails/order_mail_data'

/**
 * Turns orders (and their refunds) into the plain data the order mails are
 * rendered from. Links
 * to the order page carry the order's link key, so a guest's email opens
 * their order without an account.
 */
@inject()
export class OrderMailBuilder {
  constructor(protected payments: PaymentManager) {}

  async forOrder(orderId: number): Promise<OrderMailData> {
    const order = await Order.query()
      .where('id', orderId)
      .preload('sellerOrders', (sellerOrders) => sellerOrders.preload('seller').preload('items'))
      .preload('payments', (payments) =>
        payments.preload('refunds', (refunds) => refunds.preload('items'))
      )
      .firstOrFail()
    const refunds = refundLines(
      order.payments.flatMap((payment) => payment.refunds),
      order.sellerOrders
    )
    const locale: MailLocale = order.locale === 'en' ? 'en' : 'ko'
    const payment = order.payments.at(-1)
    const session = payment?.nextAction
    return {
      orderNumber: order.number,
      locale,
      email: order.email,
      customerName: order.shippingAddress.name,
      currency: order.currency,
      placedAt: order.createdAt.toISO()!,
      orderUrl: this.#absolute(
        router.makeUrl(
          'orders.show',
          { number: order.number },
          { qs: { key: orderLinkKey(order.number) } }
        )
      ),
      sellers: order.sellerOrders.map((sellerOrder) =>
        parcelOf(sellerOrder, parcelRefunds(refunds, sellerOrder).quantities)
      ),
      totals: {
        subtotal: order.subtotal,
        shipping: order.shippingTotal,
        grandTotal: order.grandTotal,
      },
      shippingAddress: order.shippingAddress,
      payment: {
        method: order.paymentMethod,
        methodLabel: this.payments.label(order.paymentMethod, locale),
        instructions:
          session?.type === 'instructions'
            ? {
                ...session.instructions,
                dueAt: new Date(session.instructions.dueAt).toISOString(),
              }
            : null,
        paidAt: order.paidAt?.toISO() ?? null,
      },
    }
  }

  async forShipment(sellerOrder: SellerOrder): Promise<ShipmentMailData> {
    await sellerOrder.load('seller')
    const order = await this.forOrder(sellerOrder.orderId)
    return {
      order,
      sellerName: sellerOrder.seller.name,
      carrier: carrierName(sellerOrder.carrier, order.locale),
      trackingNumber: sellerOrder.trackingNumber ?? '',
      trackingUrl: trackingUrl(sellerOrder),
    }
  }

  async forSeller(sellerOrder: SellerOrder): Promise<SellerOrderMailData> {
    await sellerOrder.load((loader) => loader.load('seller').load('items').load('order'))
    const order = sellerOrder.order
    const refunds = await sellerOrderRefunds([sellerOrder])
    return {
      ...parcelOf(sellerOrder, refunds.get(sellerOrder.id)!.quantities),
      sellerEmail: sellerOrder.seller.contactEmail,
      orderNumber: order.number,
      locale: 'ko',
      currency: order.currency,
      paidAt: (order.paidAt ?? order.createdAt).toISO()!,
      shippingAddress: order.shippingAddress,
      sellerOrderUrl: this.#absolute(`/seller/orders/${sellerOrder.id}`),
    }
  }

  /** A refund that went through, with the order it belongs to and what went back so far. */
  async forRefund(refundId: number): Promise<RefundMailData> {
    const refund = await PaymentRefund.query()
      .where('id', refundId)
      .preload('payment')
      .preload('items')
      .firstOrFail()
    const order = await Order.query()
      .where('id', refund.payment.orderId)
      .preload('sellerOrders', (sellerOrders) => sellerOrders.preload('seller').preload('items'))
      .preload('payments', (payments) =>
        payments.preload('refunds', (refunds) => refunds.preload('items'))
      )
      .firstOrFail()
    const [line] = refundLines([refund], order.sellerOrders)
    const paid = order.payments.reduce((total, payment) => total + payment.capturedAmount, 0)
    const all = refundLines(
      order.payments.flatMap((payment) => payment.refunds),
      order.sellerOrders
    )
    return {
      order: await this.forOrder(order.id),
      refund: {
        amount: line.amount,
        reason: line.reason,
        reasonKey: line.reasonKey,
        refundedAt: line.at.toISO()!,
        sellerName: line.sellerName,
        items: line.items.map(({ item, quantity }) => ({
          title: item.productTitle,
          variantLabel: item.variantLabel,
          quantity,
        })),
      },
      paid,
      refunded: refundTotals(all, paid).refunded,
    }
  }

  #absolute(path: string) {
    return `${config.get<string>('app.appUrl', '')}${path}`
  }
}

/** One seller's parcel, with how many of each item were refunded (by order item id). */
function parcelOf(sellerOrder: SellerOrder, refunded: Map<number, number>): MailParcel {
  return {
    sellerName: sellerOrder.seller.name,
    items: sellerOrder.items.map((item) => ({
      title: item.productTitle,
      variantLabel: item.variantLabel,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      lineTotal: item.lineTotal,
      refundedQuantity: refunded.get(item.id) ?? 0,
    })),
    subtotal: sellerOrder.subtotal,
    shippingAmount: sellerOrder.shippingAmount,
    shippingBreakdown: sellerOrder.shippingBreakdown,
  }
}
